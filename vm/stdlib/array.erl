%% array: functional, extendible arrays indexed from 0, with OTP's array
%% interface and representation: {array, Size, Max, Default, Elements}.
%%
%% Elements is a tree. A leaf is a tuple of ?LEAF entries; a node is a
%% tuple of ?NODE children followed by the number of entries each child
%% covers; a child that holds no entries yet is just that number. Max is
%% how many entries the tree covers (0 for a fixed-size array, which may
%% not grow by set/3). Shrinking with resize/2 only lowers Size: entries
%% past it stay in the tree, as in OTP, so the printed shapes agree.
-module(array).
-export([new/0, new/1, new/2, is_array/1, size/1, default/1, fix/1,
         is_fix/1, relax/1, resize/1, resize/2, set/3, get/2, reset/2,
         to_list/1, sparse_to_list/1, from_list/1, from_list/2,
         to_orddict/1, sparse_to_orddict/1, from_orddict/1, from_orddict/2,
         map/2, sparse_map/2, foldl/3, sparse_foldl/3, foldr/3,
         sparse_foldr/3, sparse_size/1]).

-define(LEAF, 10).
-define(NODE, 10).

-record(array, {size :: non_neg_integer(),
                max :: non_neg_integer(),
                default :: term(),
                elements :: term()}).

%% A node tuple has one more element than a leaf tuple.
-define(IS_NODE(E), tuple_size(E) =:= ?NODE + 1).

new() -> new([]).

new(Options) -> new_opts(Options, 0, false).

new(Size, Options) when is_integer(Size), Size >= 0 -> new_opts(Options, Size, true);
new(_, _) -> erlang:error(badarg).

new_opts(Options, Size, Fixed) when is_list(Options) -> new_opts(Options, Size, Fixed, undefined);
new_opts(Option, Size, Fixed) -> new_opts([Option], Size, Fixed, undefined).

%% A size makes the array fixed unless a later option says otherwise.
new_opts([fixed | Options], Size, _, Default) -> new_opts(Options, Size, true, Default);
new_opts([{fixed, Fixed} | Options], Size, _, Default) when is_boolean(Fixed) ->
    new_opts(Options, Size, Fixed, Default);
new_opts([{default, Default} | Options], Size, Fixed, _) -> new_opts(Options, Size, Fixed, Default);
new_opts([{size, Size} | Options], _, _, Default) when is_integer(Size), Size >= 0 ->
    new_opts(Options, Size, true, Default);
new_opts([Size | Options], _, _, Default) when is_integer(Size), Size >= 0 ->
    new_opts(Options, Size, true, Default);
new_opts([], Size, Fixed, Default) -> make(Size, Fixed, Default);
new_opts(_, _, _, _) -> erlang:error(badarg).

make(Size, Fixed, Default) ->
    Cover = capacity(Size - 1, ?LEAF),
    Max = case Fixed of
              true -> 0;
              false -> Cover
          end,
    #array{size = Size, max = Max, default = Default, elements = Cover}.

%% The smallest tree capacity, from Cover up by factors of ?NODE, that
%% holds index I.
capacity(I, Cover) when I >= Cover -> capacity(I, Cover * ?NODE);
capacity(_, Cover) -> Cover.

is_array(#array{size = Size, max = Max}) when is_integer(Size), is_integer(Max) -> true;
is_array(_) -> false.

size(#array{size = Size}) -> Size;
size(_) -> erlang:error(badarg).

default(#array{default = Default}) -> Default;
default(_) -> erlang:error(badarg).

fix(#array{} = A) -> A#array{max = 0}.

is_fix(#array{max = 0}) -> true;
is_fix(#array{}) -> false.

relax(#array{size = Size} = A) -> A#array{max = capacity(Size - 1, ?LEAF)}.

resize(Size, #array{size = N, max = Max, elements = E} = A) when is_integer(Size), Size >= 0 ->
    if
        Size > N ->
            Cover = if Max > 0 -> Max; true -> capacity(N - 1, ?LEAF) end,
            {E1, Max1} = grow(Size - 1, E, Cover),
            A#array{size = Size, elements = E1,
                    max = if Max > 0 -> Max1; true -> Max end};
        Size < N -> A#array{size = Size};
        true -> A
    end;
resize(_, _) -> erlang:error(badarg).

resize(A) -> resize(sparse_size(A), A).

set(I, Value, #array{size = N, max = Max, default = D, elements = E} = A)
  when is_integer(I), I >= 0 ->
    if
        I < N -> A#array{elements = set_in(I, E, Value, D)};
        I < Max -> A#array{size = I + 1, elements = set_in(I, E, Value, D)};
        Max > 0 ->
            {E1, Max1} = grow(I, E, Max),
            A#array{size = I + 1, max = Max1, elements = set_in(I, E1, Value, D)};
        true -> erlang:error(badarg)
    end;
set(_, _, _) -> erlang:error(badarg).

%% Raises the tree's capacity to hold index I: an empty tree just gets a
%% bigger number; a built one becomes the first child of a new root,
%% as many times as needed.
grow(I, E, _) when is_integer(E) ->
    Cover = capacity(I, E),
    {Cover, Cover};
grow(I, E, Cover) when I >= Cover ->
    grow(I, setelement(1, erlang:make_tuple(?NODE + 1, Cover), E), Cover * ?NODE);
grow(_, E, Cover) -> {E, Cover}.

set_in(I, E, Value, D) when is_integer(E) -> build_path(I, E, Value, D);
set_in(I, E, Value, D) when ?IS_NODE(E) ->
    Sub = element(?NODE + 1, E),
    Pos = I div Sub + 1,
    setelement(Pos, E, set_in(I rem Sub, element(Pos, E), Value, D));
set_in(I, Leaf, Value, _) -> setelement(I + 1, Leaf, Value).

%% A path of new nodes down to a leaf holding Value at I, inside an empty
%% subtree covering Cover entries.
build_path(I, Cover, Value, D) when Cover > ?LEAF ->
    Sub = Cover div ?NODE,
    setelement(I div Sub + 1, erlang:make_tuple(?NODE + 1, Sub), build_path(I rem Sub, Sub, Value, D));
build_path(I, _, Value, D) ->
    setelement(I + 1, erlang:make_tuple(?LEAF, D), Value).

get(I, #array{size = N, max = Max, default = D, elements = E}) when is_integer(I), I >= 0 ->
    if
        I < N -> get_in(I, E, D);
        Max > 0 -> D;
        true -> erlang:error(badarg)
    end;
get(_, _) -> erlang:error(badarg).

get_in(_, E, D) when is_integer(E) -> D;
get_in(I, E, D) when ?IS_NODE(E) ->
    Sub = element(?NODE + 1, E),
    get_in(I rem Sub, element(I div Sub + 1, E), D);
get_in(I, Leaf, _) -> element(I + 1, Leaf).

%% Resetting an entry that already holds the default leaves the array,
%% empty subtrees included, as it is.
reset(I, #array{size = N, max = Max, default = D, elements = E} = A) when is_integer(I), I >= 0 ->
    if
        I < N ->
            try A#array{elements = reset_in(I, E, D)}
            catch throw:already_default -> A
            end;
        Max > 0 -> A;
        true -> erlang:error(badarg)
    end;
reset(_, _) -> erlang:error(badarg).

reset_in(_, E, _) when is_integer(E) -> throw(already_default);
reset_in(I, E, D) when ?IS_NODE(E) ->
    Sub = element(?NODE + 1, E),
    Pos = I div Sub + 1,
    setelement(Pos, E, reset_in(I rem Sub, element(Pos, E), D));
reset_in(I, Leaf, D) ->
    case element(I + 1, Leaf) of
        D -> throw(already_default);
        _ -> setelement(I + 1, Leaf, D)
    end.

to_list(#array{} = A) -> foldr(fun(_, V, Acc) -> [V | Acc] end, [], A);
to_list(_) -> erlang:error(badarg).

sparse_to_list(#array{} = A) -> sparse_foldr(fun(_, V, Acc) -> [V | Acc] end, [], A);
sparse_to_list(_) -> erlang:error(badarg).

to_orddict(#array{} = A) -> foldr(fun(I, V, Acc) -> [{I, V} | Acc] end, [], A);
to_orddict(_) -> erlang:error(badarg).

sparse_to_orddict(#array{} = A) -> sparse_foldr(fun(I, V, Acc) -> [{I, V} | Acc] end, [], A);
sparse_to_orddict(_) -> erlang:error(badarg).

from_list(List) -> from_list(List, undefined).

%% The result has the shape that setting each entry in turn on an empty
%% extendible array gives.
from_list(List, Default) when is_list(List) -> from_list_1(List, new({default, Default}), 0);
from_list(_, _) -> erlang:error(badarg).

from_list_1([V | Vs], A, I) -> from_list_1(Vs, set(I, V, A), I + 1);
from_list_1([], A, _) -> A;
from_list_1(_, _, _) -> erlang:error(badarg).

from_orddict(Pairs) -> from_orddict(Pairs, undefined).

%% Indices must ascend strictly; the error names the rest of the list
%% from the first pair that breaks that. The leaves holding entries are
%% built, and so, as in OTP, is an empty leaf when the next entry is the
%% first index of the leaf after it.
from_orddict(Pairs, Default) when is_list(Pairs) ->
    from_orddict_1(Pairs, -1, 0, new({default, Default}));
from_orddict(_, _) -> erlang:error(badarg).

%% Start is where the leaf after the last entry's leaf begins.
from_orddict_1([{I, V} | Rest], Last, Start, A) when is_integer(I), I > Last ->
    A1 = case I =:= Start + ?LEAF of
             true -> set(Start, A#array.default, A);
             false -> A
         end,
    from_orddict_1(Rest, I, (I div ?LEAF + 1) * ?LEAF, set(I, V, A1));
from_orddict_1([], _, _, A) -> A;
from_orddict_1(Rest, _, _, _) -> erlang:error({badarg, Rest}).

%% map/2 visits every index below Size; a leaf it touches is rebuilt, so
%% its entries past Size become the default, while subtrees wholly past
%% Size stay as they are.
map(Fun, #array{size = N, default = D, elements = E} = A) when is_function(Fun, 2) ->
    A#array{elements = map_tree(Fun, E, 0, N, D)};
map(_, _) -> erlang:error(badarg).

map_tree(_, E, Base, N, _) when Base >= N -> E;
map_tree(Fun, Cover, Base, N, D) when is_integer(Cover), Cover > ?LEAF ->
    map_tree(Fun, erlang:make_tuple(?NODE + 1, Cover div ?NODE), Base, N, D);
map_tree(Fun, E, Base, N, D) when is_tuple(E), ?IS_NODE(E) ->
    Sub = element(?NODE + 1, E),
    list_to_tuple([map_tree(Fun, element(J, E), Base + (J - 1) * Sub, N, D)
                   || J <- lists:seq(1, ?NODE)] ++ [Sub]);
map_tree(Fun, E, Base, N, D) ->
    list_to_tuple([map_entry(Fun, E, J, Base + J, N, D) || J <- lists:seq(0, ?LEAF - 1)]).

map_entry(Fun, Leaf, J, I, N, D) when I < N ->
    Fun(I, if is_integer(Leaf) -> D; true -> element(J + 1, Leaf) end);
map_entry(_, _, _, _, _, D) -> D.

%% sparse_map/2 changes the entries that do not hold the default in the
%% leaves that start below Size: like OTP's, it also changes such entries
%% of the last of those leaves that lie past Size (left there by a
%% shrinking resize/2).
sparse_map(Fun, #array{size = N, default = D, elements = E} = A) when is_function(Fun, 2) ->
    A#array{elements = sparse_map_tree(Fun, E, 0, N, D)};
sparse_map(_, _) -> erlang:error(badarg).

sparse_map_tree(_, E, Base, N, _) when is_integer(E); Base >= N -> E;
sparse_map_tree(Fun, E, Base, N, D) when ?IS_NODE(E) ->
    Sub = element(?NODE + 1, E),
    list_to_tuple([sparse_map_tree(Fun, element(J, E), Base + (J - 1) * Sub, N, D)
                   || J <- lists:seq(1, ?NODE)] ++ [Sub]);
sparse_map_tree(Fun, Leaf, Base, _, D) ->
    list_to_tuple([case element(J + 1, Leaf) of
                       V when V =/= D -> Fun(Base + J, V);
                       V -> V
                   end || J <- lists:seq(0, ?LEAF - 1)]).

foldl(Fun, Acc, #array{size = N, default = D, elements = E}) when is_function(Fun, 3) ->
    fold_up(Fun, Acc, E, 0, N, D, dense);
foldl(_, _, _) -> erlang:error(badarg).

sparse_foldl(Fun, Acc, #array{size = N, default = D, elements = E}) when is_function(Fun, 3) ->
    fold_up(Fun, Acc, E, 0, N, D, sparse);
sparse_foldl(_, _, _) -> erlang:error(badarg).

foldr(Fun, Acc, #array{size = N, default = D, elements = E}) when is_function(Fun, 3) ->
    fold_down(Fun, Acc, E, 0, N, D, dense);
foldr(_, _, _) -> erlang:error(badarg).

sparse_foldr(Fun, Acc, #array{size = N, default = D, elements = E}) when is_function(Fun, 3) ->
    fold_down(Fun, Acc, E, 0, N, D, sparse);
sparse_foldr(_, _, _) -> erlang:error(badarg).

%% Folds over the indices Base.. of subtree E that lie below N, in
%% ascending order; Mode sparse skips entries that hold the default D.
fold_up(_, Acc, _, Base, N, _, _) when Base >= N -> Acc;
fold_up(_, Acc, E, _, _, _, sparse) when is_integer(E) -> Acc;
fold_up(Fun, Acc, E, Base, N, D, dense) when is_integer(E) ->
    fold_defaults_up(Fun, Acc, Base, min(Base + E, N), D);
fold_up(Fun, Acc, E, Base, N, D, Mode) when ?IS_NODE(E) ->
    Sub = element(?NODE + 1, E),
    lists:foldl(fun(J, A) -> fold_up(Fun, A, element(J, E), Base + (J - 1) * Sub, N, D, Mode) end,
                Acc, lists:seq(1, ?NODE));
fold_up(Fun, Acc, Leaf, Base, N, D, Mode) ->
    lists:foldl(fun(J, A) -> fold_entry(Fun, A, element(J + 1, Leaf), Base + J, D, Mode) end,
                Acc, lists:seq(0, min(?LEAF, N - Base) - 1)).

fold_defaults_up(Fun, Acc, I, End, D) when I < End -> fold_defaults_up(Fun, Fun(I, D, Acc), I + 1, End, D);
fold_defaults_up(_, Acc, _, _, _) -> Acc.

fold_down(_, Acc, _, Base, N, _, _) when Base >= N -> Acc;
fold_down(_, Acc, E, _, _, _, sparse) when is_integer(E) -> Acc;
fold_down(Fun, Acc, E, Base, N, D, dense) when is_integer(E) ->
    fold_defaults_down(Fun, Acc, min(Base + E, N) - 1, Base, D);
fold_down(Fun, Acc, E, Base, N, D, Mode) when ?IS_NODE(E) ->
    Sub = element(?NODE + 1, E),
    lists:foldl(fun(J, A) -> fold_down(Fun, A, element(J, E), Base + (J - 1) * Sub, N, D, Mode) end,
                Acc, lists:seq(?NODE, 1, -1));
fold_down(Fun, Acc, Leaf, Base, N, D, Mode) ->
    lists:foldl(fun(J, A) -> fold_entry(Fun, A, element(J + 1, Leaf), Base + J, D, Mode) end,
                Acc, lists:seq(min(?LEAF, N - Base) - 1, 0, -1)).

fold_defaults_down(Fun, Acc, I, First, D) when I >= First ->
    fold_defaults_down(Fun, Fun(I, D, Acc), I - 1, First, D);
fold_defaults_down(_, Acc, _, _, _) -> Acc.

fold_entry(_, Acc, D, _, D, sparse) -> Acc;
fold_entry(Fun, Acc, V, I, _, _) -> Fun(I, V, Acc).

%% One past the highest index below Size that holds a non-default entry.
sparse_size(A) ->
    try sparse_foldr(fun(I, _, _) -> throw({last, I}) end, none, A) of
        none -> 0
    catch throw:{last, I} -> I + 1
    end.
