%% gb_sets: ordered sets as general balanced trees (Andersson), with the
%% interface and tree shapes of OTP's gb_sets. A set is {Size, Node}; Node
%% is nil or {Element, Smaller, Bigger}. Elements compare with ==; where
%% two sets hold equal elements (1 and 1.0), the one kept is the one OTP
%% keeps. Inserts rebalance exactly as gb_trees does (see gb_trees.erl).
-module(gb_sets).
-export([empty/0, new/0, is_empty/1, size/1, singleton/1, is_member/2,
         is_element/2, insert/2, add/2, add_element/2, delete/2,
         delete_any/2, del_element/2, balance/1, from_list/1,
         from_ordset/1, to_list/1, union/1, union/2, intersection/1,
         intersection/2, is_disjoint/2, difference/2, subtract/2,
         is_subset/2, is_set/1, fold/3, filter/2, smallest/1, largest/1,
         take_smallest/1, take_largest/1, iterator/1, iterator_from/2,
         next/1]).

empty() -> {0, nil}.

new() -> empty().

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) -> Size.

singleton(Elem) -> {1, {Elem, nil, nil}}.

is_element(Elem, Set) -> is_member(Elem, Set).

is_member(Elem, {_, Node}) -> member_node(Elem, Node).

member_node(Elem, {E, Smaller, _}) when Elem < E -> member_node(Elem, Smaller);
member_node(Elem, {E, _, Bigger}) when Elem > E -> member_node(Elem, Bigger);
member_node(_, {_, _, _}) -> true;
member_node(_, nil) -> false.

add(Elem, Set) -> add_element(Elem, Set).

add_element(Elem, Set) ->
    case is_member(Elem, Set) of
        true -> Set;
        false -> insert(Elem, Set)
    end.

insert(Elem, {Size, Node}) ->
    NewSize = Size + 1,
    {NewSize, insert_node(Elem, Node, NewSize * NewSize)}.

%% As gb_trees: the budget halves per level; past it, {deep, Node,
%% 2^Height, Size} comes back up until a subtree too deep for its size is
%% rebuilt. (The tag tells it from a 3-tuple node.)
insert_node(Elem, {E, Smaller, Bigger}, Budget) when Elem < E ->
    case insert_node(Elem, Smaller, Budget bsr 1) of
        {deep, Smaller1, Height1, Size1} ->
            {Height2, Size2} = measure(Bigger),
            too_deep({E, Smaller1, Bigger}, max(Height1, Height2) bsl 1,
                     Size1 + Size2 + 1);
        Smaller1 ->
            {E, Smaller1, Bigger}
    end;
insert_node(Elem, {E, Smaller, Bigger}, Budget) when Elem > E ->
    case insert_node(Elem, Bigger, Budget bsr 1) of
        {deep, Bigger1, Height1, Size1} ->
            {Height2, Size2} = measure(Smaller),
            too_deep({E, Smaller, Bigger1}, max(Height1, Height2) bsl 1,
                     Size1 + Size2 + 1);
        Bigger1 ->
            {E, Smaller, Bigger1}
    end;
insert_node(Elem, nil, 0) -> {deep, {Elem, nil, nil}, 1, 1};
insert_node(Elem, nil, _) -> {Elem, nil, nil};
insert_node(Elem, _, _) -> erlang:error({key_exists, Elem}).

too_deep(Node, Height, Size) when Height > Size * Size ->
    build(to_list(Node, []), Size);
too_deep(Node, Height, Size) ->
    {deep, Node, Height, Size}.

measure({_, nil, nil}) -> {1, 1};
measure({_, Smaller, Bigger}) ->
    {H1, S1} = measure(Smaller),
    {H2, S2} = measure(Bigger),
    {max(H1, H2) bsl 1, S1 + S2 + 1};
measure(nil) -> {1, 0}.

balance({Size, Node}) -> {Size, build(to_list(Node, []), Size)}.

from_list(List) -> from_ordset(ordsets:from_list(List)).

from_ordset(List) ->
    Size = length(List),
    {Size, build(List, Size)}.

%% Perfectly balanced tree of the first Size elements of an ascending
%% list; an odd one out goes to the smaller side.
build(List, Size) ->
    {Node, _} = build_n(List, Size),
    Node.

build_n(List, Size) when Size > 1 ->
    Rest = Size - 1,
    BiggerSize = Rest bsr 1,
    {Smaller, [E | List1]} = build_n(List, Rest - BiggerSize),
    {Bigger, List2} = build_n(List1, BiggerSize),
    {{E, Smaller, Bigger}, List2};
build_n([E | List], 1) -> {{E, nil, nil}, List};
build_n(List, 0) -> {nil, List}.

%% The same from a descending list; here the odd one out goes to the
%% bigger side. The set operations below build their results this way.
build_rev(RevList, Size) ->
    {Node, _} = build_rev_n(RevList, Size),
    {Size, Node}.

build_rev_n(List, Size) when Size > 1 ->
    Rest = Size - 1,
    SmallerSize = Rest bsr 1,
    {Bigger, [E | List1]} = build_rev_n(List, Rest - SmallerSize),
    {Smaller, List2} = build_rev_n(List1, SmallerSize),
    {{E, Smaller, Bigger}, List2};
build_rev_n([E | List], 1) -> {{E, nil, nil}, List};
build_rev_n(List, 0) -> {nil, List}.

del_element(Elem, Set) -> delete_any(Elem, Set).

delete_any(Elem, Set) ->
    case is_member(Elem, Set) of
        true -> delete(Elem, Set);
        false -> Set
    end.

delete(Elem, {Size, Node}) -> {Size - 1, delete_node(Elem, Node)}.

delete_node(Elem, {E, Smaller, Bigger}) when Elem < E ->
    {E, delete_node(Elem, Smaller), Bigger};
delete_node(Elem, {E, Smaller, Bigger}) when Elem > E ->
    {E, Smaller, delete_node(Elem, Bigger)};
delete_node(_, {_, Smaller, Bigger}) -> join(Smaller, Bigger).

join(Smaller, nil) -> Smaller;
join(nil, Bigger) -> Bigger;
join(Smaller, Bigger) ->
    {E, Bigger1} = take_smallest_node(Bigger),
    {E, Smaller, Bigger1}.

smallest({_, Node}) -> smallest_node(Node).

smallest_node({E, nil, _}) -> E;
smallest_node({_, Smaller, _}) -> smallest_node(Smaller).

largest({_, Node}) -> largest_node(Node).

largest_node({E, _, nil}) -> E;
largest_node({_, _, Bigger}) -> largest_node(Bigger).

take_smallest({Size, Node}) ->
    {E, Node1} = take_smallest_node(Node),
    {E, {Size - 1, Node1}}.

take_smallest_node({E, nil, Bigger}) -> {E, Bigger};
take_smallest_node({E, Smaller, Bigger}) ->
    {E1, Smaller1} = take_smallest_node(Smaller),
    {E1, {E, Smaller1, Bigger}}.

take_largest({Size, Node}) ->
    {E, Node1} = take_largest_node(Node),
    {E, {Size - 1, Node1}}.

take_largest_node({E, Smaller, nil}) -> {E, Smaller};
take_largest_node({E, Smaller, Bigger}) ->
    {E1, Bigger1} = take_largest_node(Bigger),
    {E1, {E, Smaller, Bigger1}}.

to_list({_, Node}) -> to_list(Node, []).

to_list({E, Smaller, Bigger}, Acc) -> to_list(Smaller, [E | to_list(Bigger, Acc)]);
to_list(nil, Acc) -> Acc.

iterator({_, Node}) -> push_smaller(Node, []).

push_smaller({_, nil, _} = Node, Stack) -> [Node | Stack];
push_smaller({_, Smaller, _} = Node, Stack) -> push_smaller(Smaller, [Node | Stack]);
push_smaller(nil, Stack) -> Stack.

iterator_from(Elem, {_, Node}) -> push_from(Elem, Node, []).

push_from(Elem, {E, _, Bigger}, Stack) when E < Elem -> push_from(Elem, Bigger, Stack);
push_from(_, {_, nil, _} = Node, Stack) -> [Node | Stack];
push_from(Elem, {_, Smaller, _} = Node, Stack) -> push_from(Elem, Smaller, [Node | Stack]);
push_from(_, nil, Stack) -> Stack.

next([{E, _, Bigger} | Stack]) -> {E, push_smaller(Bigger, Stack)};
next([]) -> none.

%% Binary set operations walk the smaller set's elements. When the bigger
%% set is small, or smaller than the smaller set's size times the bigger
%% one's log2 size (1.46 ln N, rounded), both sorted lists are merged and
%% the result rebuilt; otherwise the smaller set's elements are inserted
%% into or looked up in the bigger tree. Which way is chosen shows in the
%% result's shape.
merge_cheaper(_, N2) when N2 < 10 -> true;
merge_cheaper(N1, N2) -> N2 < N1 * round(1.46 * math:log(N2)).

union({N1, T1}, {N2, T2}) when N2 < N1 -> union(to_list(T2, []), N1 + N2, N2, {N1, T1});
union({N1, T1}, {N2, T2}) -> union(to_list(T1, []), N1 + N2, N1, {N2, T2}).

union(List, Total, N1, {N2, T2} = Big) ->
    case merge_cheaper(N1, N2) of
        true -> union_merge(List, to_list(T2, []), [], Total);
        false -> lists:foldl(fun add_element/2, Big, List)
    end.

%% Size counts down once per element present in both lists. The lists
%% trade places whenever the second one supplies the next element, and of
%% two equal elements the first list's is kept: that decides, as in OTP,
%% whether 1 or 1.0 survives.
union_merge([X | Xs], [Y | _] = Ys, Acc, Size) when X < Y ->
    union_merge(Xs, Ys, [X | Acc], Size);
union_merge([X | _] = Xs, [Y | Ys], Acc, Size) when X > Y ->
    union_merge(Ys, Xs, [Y | Acc], Size);
union_merge([X | Xs], [_ | Ys], Acc, Size) ->
    union_merge(Xs, Ys, [X | Acc], Size - 1);
union_merge([], Ys, Acc, Size) -> build_rev(lists:reverse(Ys, Acc), Size);
union_merge(Xs, [], Acc, Size) -> build_rev(lists:reverse(Xs, Acc), Size).

union([Set | Sets]) -> lists:foldl(fun(S, Acc) -> union(Acc, S) end, Set, Sets);
union([]) -> empty().

intersection({N1, T1}, {N2, T2}) when N2 < N1 -> intersection(to_list(T2, []), N2, {N1, T1});
intersection({N1, T1}, {N2, T2}) -> intersection(to_list(T1, []), N1, {N2, T2}).

intersection(List, N1, {N2, T2}) ->
    case merge_cheaper(N1, N2) of
        true -> intersection_merge(List, to_list(T2, []), [], 0);
        false -> intersection_lookup(List, T2, [], 0)
    end.

%% The lists trade places as in union_merge/4.
intersection_merge([X | Xs], [Y | _] = Ys, Acc, Size) when X < Y ->
    intersection_merge(Xs, Ys, Acc, Size);
intersection_merge([X | _] = Xs, [Y | Ys], Acc, Size) when X > Y ->
    intersection_merge(Ys, Xs, Acc, Size);
intersection_merge([X | Xs], [_ | Ys], Acc, Size) ->
    intersection_merge(Xs, Ys, [X | Acc], Size + 1);
intersection_merge(_, _, Acc, Size) -> build_rev(Acc, Size).

intersection_lookup([X | Xs], Node, Acc, Size) ->
    case member_node(X, Node) of
        true -> intersection_lookup(Xs, Node, [X | Acc], Size + 1);
        false -> intersection_lookup(Xs, Node, Acc, Size)
    end;
intersection_lookup([], _, Acc, Size) -> build_rev(Acc, Size).

intersection([Set | Sets]) -> lists:foldl(fun(S, Acc) -> intersection(Acc, S) end, Set, Sets).

is_disjoint({N1, T1}, {N2, T2}) when N1 < N2 -> disjoint(T1, T2);
is_disjoint({_, T1}, {_, T2}) -> disjoint(T2, T1).

%% Every element of the first tree is absent from the second.
disjoint({E, Smaller, Bigger}, Node) ->
    not member_node(E, Node) andalso disjoint(Smaller, Node)
        andalso disjoint(Bigger, Node);
disjoint(nil, _) -> true.

subtract(Set1, Set2) -> difference(Set1, Set2).

difference({N1, T1}, {N2, T2}) ->
    List = to_list(T1, []),
    case merge_cheaper(N1, N2) of
        true -> difference_merge(List, to_list(T2, []), [], N1);
        false -> difference_lookup(List, T2, [], 0)
    end.

difference_merge([X | Xs], [Y | _] = Ys, Acc, Size) when X < Y ->
    difference_merge(Xs, Ys, [X | Acc], Size);
difference_merge([X | _] = Xs, [Y | Ys], Acc, Size) when X > Y ->
    difference_merge(Xs, Ys, Acc, Size);
difference_merge([_ | Xs], [_ | Ys], Acc, Size) ->
    difference_merge(Xs, Ys, Acc, Size - 1);
difference_merge(Xs, [], Acc, Size) -> build_rev(lists:reverse(Xs, Acc), Size);
difference_merge([], _, Acc, Size) -> build_rev(Acc, Size).

difference_lookup([X | Xs], Node, Acc, Size) ->
    case member_node(X, Node) of
        true -> difference_lookup(Xs, Node, Acc, Size);
        false -> difference_lookup(Xs, Node, [X | Acc], Size + 1)
    end;
difference_lookup([], _, Acc, Size) -> build_rev(Acc, Size).

is_subset({N1, T1}, {N2, T2}) ->
    N1 =< N2 andalso subset(T1, T2).

subset({E, Smaller, Bigger}, Node) ->
    member_node(E, Node) andalso subset(Smaller, Node) andalso subset(Bigger, Node);
subset(nil, _) -> true.

is_set({0, nil}) -> true;
is_set({N, {_, _, _}}) when is_integer(N), N >= 0 -> true;
is_set(_) -> false.

fold(Fun, Acc, {_, Node}) when is_function(Fun, 2) -> fold_node(Fun, Acc, Node).

fold_node(Fun, Acc, {E, Smaller, Bigger}) ->
    fold_node(Fun, Fun(E, fold_node(Fun, Acc, Smaller)), Bigger);
fold_node(_, Acc, nil) -> Acc.

filter(Pred, {_, Node}) when is_function(Pred, 1) ->
    from_ordset([E || E <- to_list(Node, []), Pred(E)]).
