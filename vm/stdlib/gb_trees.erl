%% gb_trees: general balanced trees (Arne Andersson, "General Balanced
%% Trees", J. Algorithms 1999), with the interface and tree shapes of OTP's
%% gb_trees. A tree is {Size, Node}; Node is nil or
%% {Key, Value, Smaller, Bigger}. Keys compare with == (< and >).
%%
%% Nothing rebalances on delete. An insert that makes the tree deeper
%% than 2 * log2(Size) rebuilds the lowest subtree on the path that is too
%% deep for its own size as a perfectly balanced tree. Heights travel as
%% powers of two (2^h) so the test "h > 2 log2 s" becomes "2^h > s*s",
%% which needs no floating point.
-module(gb_trees).
-export([empty/0, is_empty/1, size/1, lookup/2, get/2, is_defined/2,
         insert/3, update/3, enter/3, delete/2, delete_any/2, take/2,
         take_any/2, balance/1, from_orddict/1, keys/1, values/1, to_list/1,
         smallest/1, largest/1, take_smallest/1, take_largest/1,
         iterator/1, iterator_from/2, next/1, map/2]).

empty() -> {0, nil}.

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) when is_integer(Size), Size >= 0 -> Size.

lookup(Key, {_, Node}) -> lookup_node(Key, Node).

lookup_node(Key, {K, _, Smaller, _}) when Key < K -> lookup_node(Key, Smaller);
lookup_node(Key, {K, _, _, Bigger}) when Key > K -> lookup_node(Key, Bigger);
lookup_node(_, {_, Value, _, _}) -> {value, Value};
lookup_node(_, nil) -> none.

is_defined(Key, {_, Node}) -> is_defined_node(Key, Node).

is_defined_node(Key, {K, _, Smaller, _}) when Key < K -> is_defined_node(Key, Smaller);
is_defined_node(Key, {K, _, _, Bigger}) when Key > K -> is_defined_node(Key, Bigger);
is_defined_node(_, {_, _, _, _}) -> true;
is_defined_node(_, nil) -> false.

%% A missing key has no matching clause: function_clause, as OTP.
get(Key, {_, Node}) -> get_node(Key, Node).

get_node(Key, {K, _, Smaller, _}) when Key < K -> get_node(Key, Smaller);
get_node(Key, {K, _, _, Bigger}) when Key > K -> get_node(Key, Bigger);
get_node(_, {_, Value, _, _}) -> Value.

update(Key, Value, {Size, Node}) -> {Size, update_node(Key, Value, Node)}.

update_node(Key, Value, {K, V, Smaller, Bigger}) when Key < K ->
    {K, V, update_node(Key, Value, Smaller), Bigger};
update_node(Key, Value, {K, V, Smaller, Bigger}) when Key > K ->
    {K, V, Smaller, update_node(Key, Value, Bigger)};
update_node(Key, Value, {_, _, Smaller, Bigger}) ->
    {Key, Value, Smaller, Bigger}.

enter(Key, Value, Tree) ->
    case is_defined(Key, Tree) of
        true -> update(Key, Value, Tree);
        false -> insert(Key, Value, Tree)
    end.

insert(Key, Value, {Size, Node}) when is_integer(Size), Size >= 0 ->
    NewSize = Size + 1,
    {NewSize, insert_node(Key, Value, Node, NewSize * NewSize)}.

%% Budget halves at each level down; a leaf reached with budget 0 lies
%% deeper than 2 log2(Size), so the path back up reports
%% {Node, 2^Height, NodeSize} until some subtree is too deep for its own
%% size and is rebuilt. Otherwise the plain node comes back.
insert_node(Key, Value, {K, V, Smaller, Bigger}, Budget) when Key < K ->
    case insert_node(Key, Value, Smaller, Budget bsr 1) of
        {Smaller1, Height1, Size1} ->
            {Height2, Size2} = measure(Bigger),
            too_deep({K, V, Smaller1, Bigger}, max(Height1, Height2) bsl 1,
                     Size1 + Size2 + 1);
        Smaller1 ->
            {K, V, Smaller1, Bigger}
    end;
insert_node(Key, Value, {K, V, Smaller, Bigger}, Budget) when Key > K ->
    case insert_node(Key, Value, Bigger, Budget bsr 1) of
        {Bigger1, Height1, Size1} ->
            {Height2, Size2} = measure(Smaller),
            too_deep({K, V, Smaller, Bigger1}, max(Height1, Height2) bsl 1,
                     Size1 + Size2 + 1);
        Bigger1 ->
            {K, V, Smaller, Bigger1}
    end;
insert_node(Key, Value, nil, 0) -> {{Key, Value, nil, nil}, 1, 1};
insert_node(Key, Value, nil, _) -> {Key, Value, nil, nil};
insert_node(Key, _, _, _) -> erlang:error({key_exists, Key}).

too_deep(Node, Height, Size) when Height > Size * Size ->
    balance_node(Node, Size);
too_deep(Node, Height, Size) ->
    {Node, Height, Size}.

%% {2^Height, Size} of a subtree.
measure({_, _, nil, nil}) -> {1, 1};
measure({_, _, Smaller, Bigger}) ->
    {H1, S1} = measure(Smaller),
    {H2, S2} = measure(Bigger),
    {max(H1, H2) bsl 1, S1 + S2 + 1};
measure(nil) -> {1, 0}.

balance({Size, Node}) -> {Size, balance_node(Node, Size)}.

balance_node(Node, Size) -> build(to_list(Node, []), Size).

from_orddict(List) ->
    Size = length(List),
    {Size, build(List, Size)}.

%% A perfectly balanced tree of the first Size pairs of a sorted list;
%% an odd one out goes to the smaller side.
build(List, Size) ->
    {Node, _} = build_n(List, Size),
    Node.

build_n(List, Size) when Size > 1 ->
    Rest = Size - 1,
    BiggerSize = Rest bsr 1,
    {Smaller, [{K, V} | List1]} = build_n(List, Rest - BiggerSize),
    {Bigger, List2} = build_n(List1, BiggerSize),
    {{K, V, Smaller, Bigger}, List2};
build_n([{K, V} | List], 1) -> {{K, V, nil, nil}, List};
build_n(List, 0) -> {nil, List}.

delete_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> delete(Key, Tree);
        false -> Tree
    end.

delete(Key, {Size, Node}) when is_integer(Size), Size >= 0 ->
    {Size - 1, delete_node(Key, Node)}.

delete_node(Key, {K, V, Smaller, Bigger}) when Key < K ->
    {K, V, delete_node(Key, Smaller), Bigger};
delete_node(Key, {K, V, Smaller, Bigger}) when Key > K ->
    {K, V, Smaller, delete_node(Key, Bigger)};
delete_node(_, {_, _, Smaller, Bigger}) -> join(Smaller, Bigger).

%% Two subtrees whose keys are all in order, joined under the smallest
%% key of the bigger one.
join(Smaller, nil) -> Smaller;
join(nil, Bigger) -> Bigger;
join(Smaller, Bigger) ->
    {K, V, Bigger1} = take_smallest_node(Bigger),
    {K, V, Smaller, Bigger1}.

take_any(Key, Tree) ->
    case is_defined(Key, Tree) of
        true -> take(Key, Tree);
        false -> error
    end.

take(Key, {Size, Node}) when is_integer(Size), Size >= 0 ->
    {Value, Node1} = take_node(Key, Node),
    {Value, {Size - 1, Node1}}.

take_node(Key, {K, V, Smaller, Bigger}) when Key < K ->
    {Value, Smaller1} = take_node(Key, Smaller),
    {Value, {K, V, Smaller1, Bigger}};
take_node(Key, {K, V, Smaller, Bigger}) when Key > K ->
    {Value, Bigger1} = take_node(Key, Bigger),
    {Value, {K, V, Smaller, Bigger1}};
take_node(_, {_, Value, Smaller, Bigger}) ->
    {Value, join(Smaller, Bigger)}.

smallest({_, Node}) -> smallest_node(Node).

smallest_node({K, V, nil, _}) -> {K, V};
smallest_node({_, _, Smaller, _}) -> smallest_node(Smaller).

largest({_, Node}) -> largest_node(Node).

largest_node({K, V, _, nil}) -> {K, V};
largest_node({_, _, _, Bigger}) -> largest_node(Bigger).

take_smallest({Size, Node}) ->
    {K, V, Node1} = take_smallest_node(Node),
    {K, V, {Size - 1, Node1}}.

take_smallest_node({K, V, nil, Bigger}) -> {K, V, Bigger};
take_smallest_node({K, V, Smaller, Bigger}) ->
    {K1, V1, Smaller1} = take_smallest_node(Smaller),
    {K1, V1, {K, V, Smaller1, Bigger}}.

take_largest({Size, Node}) ->
    {K, V, Node1} = take_largest_node(Node),
    {K, V, {Size - 1, Node1}}.

take_largest_node({K, V, Smaller, nil}) -> {K, V, Smaller};
take_largest_node({K, V, Smaller, Bigger}) ->
    {K1, V1, Bigger1} = take_largest_node(Bigger),
    {K1, V1, {K, V, Smaller, Bigger1}}.

to_list({_, Node}) -> to_list(Node, []).

to_list({K, V, Smaller, Bigger}, Acc) ->
    to_list(Smaller, [{K, V} | to_list(Bigger, Acc)]);
to_list(nil, Acc) -> Acc.

keys({_, Node}) -> keys(Node, []).

keys({K, _, Smaller, Bigger}, Acc) -> keys(Smaller, [K | keys(Bigger, Acc)]);
keys(nil, Acc) -> Acc.

values({_, Node}) -> values(Node, []).

values({_, V, Smaller, Bigger}, Acc) -> values(Smaller, [V | values(Bigger, Acc)]);
values(nil, Acc) -> Acc.

%% An iterator is the stack of nodes still to visit, the next one first.
iterator({_, Node}) -> push_smaller(Node, []).

push_smaller({_, _, nil, _} = Node, Stack) -> [Node | Stack];
push_smaller({_, _, Smaller, _} = Node, Stack) -> push_smaller(Smaller, [Node | Stack]);
push_smaller(nil, Stack) -> Stack.

iterator_from(Key, {_, Node}) -> push_from(Key, Node, []).

push_from(Key, {K, _, _, Bigger}, Stack) when K < Key -> push_from(Key, Bigger, Stack);
push_from(_, {_, _, nil, _} = Node, Stack) -> [Node | Stack];
push_from(Key, {_, _, Smaller, _} = Node, Stack) -> push_from(Key, Smaller, [Node | Stack]);
push_from(_, nil, Stack) -> Stack.

next([{K, V, _, Bigger} | Stack]) -> {K, V, push_smaller(Bigger, Stack)};
next([]) -> none.

map(Fun, {Size, Node}) when is_function(Fun, 2) -> {Size, map_node(Fun, Node)}.

map_node(Fun, {K, V, Smaller, Bigger}) ->
    {K, Fun(K, V), map_node(Fun, Smaller), map_node(Fun, Bigger)};
map_node(_, nil) -> nil.
