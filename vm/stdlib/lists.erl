%% The lists module of avm's bundled standard library: avm's own
%% implementation of OTP's lists API (OTP 25 exports), written to give the
%% same results and raise the same errors as OTP's (function_clause on
%% arguments no clause accepts, badarg where OTP's BIFs raise it).
%%
%% reverse/1,2, member/2, keyfind/3, keymember/3, keysearch/3 and
%% flatten/1 may be answered by Go natives of the VM, which take precedence
%% over the Erlang definitions below.
%%
%% Sorting is a stable natural merge sort: the input is cut into runs
%% (non-descending runs kept, strictly descending runs reversed) and the
%% runs are merged pairwise. Merges take the left element on ties, so equal
%% elements keep their original order. This gives OTP's results for every
%% sort except one corner: OTP's sort/1 and keysort/2 may reorder elements
%% that compare equal (==) without being identical, such as 1 and 1.0 (or
%% tuples holding them), in longer lists; ours keeps them in input order.
%% The u*merge functions, like OTP's, expect inputs without duplicates.
%% The r*merge functions merge lists sorted in descending order; OTP
%% exports them for its own use and so do we.
-module(lists).

-export([append/2, append/1, subtract/2, reverse/1, reverse/2,
         nth/2, nthtail/2, prefix/2, suffix/2, droplast/1, last/1,
         seq/2, seq/3, sum/1, duplicate/2, min/1, max/1,
         sublist/2, sublist/3, delete/2,
         zip/2, unzip/1, zip3/3, unzip3/1, zipwith/3, zipwith3/4,
         concat/1, flatten/1, flatten/2, flatlength/1,
         member/2, keyfind/3, keymember/3, keysearch/3,
         keydelete/3, keyreplace/4, keytake/3, keystore/4, keymap/3,
         sort/1, sort/2, usort/1, usort/2, keysort/2, ukeysort/2,
         merge/1, merge/2, merge/3, merge3/3,
         rmerge/2, rmerge/3, rmerge3/3,
         umerge/1, umerge/2, umerge/3, umerge3/3,
         rumerge/2, rumerge/3, rumerge3/3,
         keymerge/3, rkeymerge/3, ukeymerge/3, rukeymerge/3,
         all/2, any/2, map/2, flatmap/2, foldl/3, foldr/3, filter/2,
         partition/2, filtermap/2, zf/2, foreach/2, mapfoldl/3, mapfoldr/3,
         takewhile/2, dropwhile/2, search/2, split/2, splitwith/2,
         join/2, enumerate/1, enumerate/2, uniq/1, uniq/2]).

%% ---------------------------------------------------------------------
%% Basic list operations
%% ---------------------------------------------------------------------

append(L1, L2) -> L1 ++ L2.

append([L]) -> L;
append([L | Ls]) -> L ++ append(Ls);
append([]) -> [].

subtract(L1, L2) -> L1 -- L2.

reverse([]) -> [];
reverse([_] = L) -> L;
reverse([A, B | T]) -> reverse(T, [B, A]).

%% reverse(List, Tail): the elements of List in reverse order, followed by
%% Tail. A BIF in OTP: badarg when List is not a proper list.
reverse([H | T], Acc) -> reverse(T, [H | Acc]);
reverse([], Acc) -> Acc;
reverse(List, Acc) -> erlang:error(badarg, [List, Acc]).

nth(1, [H | _]) -> H;
nth(N, [_ | T]) when N > 1 -> nth(N - 1, T).

nthtail(0, L) when is_list(L) -> L;
nthtail(1, [_ | T]) -> T;
nthtail(N, [_ | T]) when N > 1 -> nthtail(N - 1, T).

prefix([X | Xs], [X | Ys]) -> prefix(Xs, Ys);
prefix([], L) when is_list(L) -> true;
prefix([_ | _], L) when is_list(L) -> false.

suffix(Suffix, List) ->
    Extra = length(List) - length(Suffix),
    Extra >= 0 andalso nthtail(Extra, List) =:= Suffix.

droplast([_]) -> [];
droplast([H | T]) -> [H | droplast(T)].

last([X]) -> X;
last([_ | T]) -> last(T).

delete(X, [X | T]) -> T;
delete(X, [H | T]) -> [H | delete(X, T)];
delete(_, []) -> [].

%% ---------------------------------------------------------------------
%% Sequences and arithmetic
%% ---------------------------------------------------------------------

seq(First, Last)
  when is_integer(First), is_integer(Last), First - 1 =< Last ->
    count_down(Last, First, []).

count_down(N, First, Acc) when N >= First -> count_down(N - 1, First, [N | Acc]);
count_down(_, _, Acc) -> Acc.

seq(First, Last, Step)
  when is_integer(First), is_integer(Last), is_integer(Step) ->
    if
        Step > 0, First - Step =< Last; Step < 0, First - Step >= Last ->
            Count = (Last - First + Step) div Step,
            step_down(Count, First + Step * (Count - 1), Step, []);
        Step =:= 0, First =:= Last ->
            [First];
        true ->
            erlang:error(badarg, [First, Last, Step])
    end;
seq(First, Last, Step) ->
    erlang:error(badarg, [First, Last, Step]).

step_down(0, _, _, Acc) -> Acc;
step_down(Count, X, Step, Acc) -> step_down(Count - 1, X - Step, Step, [X | Acc]).

sum(L) -> sum(L, 0).

sum([H | T], Acc) -> sum(T, Acc + H);
sum([], Acc) -> Acc.

duplicate(N, X) when is_integer(N), N >= 0 -> duplicate(N, X, []).

duplicate(0, _, Acc) -> Acc;
duplicate(N, X, Acc) -> duplicate(N - 1, X, [X | Acc]).

%% min/1 and max/1 return the first of several equal extremes.
min([H | T]) -> min_of(T, H).

min_of([H | T], Min) when H < Min -> min_of(T, H);
min_of([_ | T], Min) -> min_of(T, Min);
min_of([], Min) -> Min.

max([H | T]) -> max_of(T, H).

max_of([H | T], Max) when H > Max -> max_of(T, H);
max_of([_ | T], Max) -> max_of(T, Max);
max_of([], Max) -> Max.

%% ---------------------------------------------------------------------
%% Sublists and splitting
%% ---------------------------------------------------------------------

sublist(List, Len) when is_list(List), is_integer(Len), Len >= 0 ->
    take(List, Len).

take(_, 0) -> [];
take([H | T], N) -> [H | take(T, N - 1)];
take([], _) -> [].

%% A start position past the end of the list gives [].
sublist(List, 1, Len) when is_list(List), is_integer(Len), Len >= 0 ->
    sublist(List, Len);
sublist([], Start, _) when is_integer(Start), Start >= 2 ->
    [];
sublist([_ | T], Start, Len) when is_integer(Start), Start >= 2 ->
    sublist(T, Start - 1, Len).

split(N, List) when is_integer(N), N >= 0, is_list(List) ->
    case split(N, List, []) of
        {_, _} = Result -> Result;
        error -> erlang:error(badarg, [N, List])
    end;
split(N, List) ->
    erlang:error(badarg, [N, List]).

split(0, Rest, Acc) -> {reverse(Acc, []), Rest};
split(N, [H | T], Acc) -> split(N - 1, T, [H | Acc]);
split(_, [], _) -> error.

splitwith(Pred, List) when is_function(Pred, 1) -> splitwith(Pred, List, []).

splitwith(Pred, [H | T], Acc) ->
    case Pred(H) of
        true -> splitwith(Pred, T, [H | Acc]);
        false -> {reverse(Acc, []), [H | T]}
    end;
splitwith(_, [], Acc) -> {reverse(Acc, []), []}.

takewhile(Pred, List) when is_function(Pred, 1) -> takewhile_loop(Pred, List).

takewhile_loop(Pred, [H | T]) ->
    case Pred(H) of
        true -> [H | takewhile_loop(Pred, T)];
        false -> []
    end;
takewhile_loop(_, []) -> [].

dropwhile(Pred, List) when is_function(Pred, 1) -> dropwhile_loop(Pred, List).

dropwhile_loop(Pred, [H | T] = L) ->
    case Pred(H) of
        true -> dropwhile_loop(Pred, T);
        false -> L
    end;
dropwhile_loop(_, []) -> [].

partition(Pred, List) when is_function(Pred, 1) -> partition(Pred, List, [], []).

partition(Pred, [H | T], Yes, No) ->
    case Pred(H) of
        true -> partition(Pred, T, [H | Yes], No);
        false -> partition(Pred, T, Yes, [H | No])
    end;
partition(_, [], Yes, No) ->
    {reverse(Yes, []), reverse(No, [])}.

%% ---------------------------------------------------------------------
%% Zipping
%% ---------------------------------------------------------------------

zip([X | Xs], [Y | Ys]) -> [{X, Y} | zip(Xs, Ys)];
zip([], []) -> [].

unzip(Pairs) -> unzip(Pairs, [], []).

unzip([{X, Y} | T], Xs, Ys) -> unzip(T, [X | Xs], [Y | Ys]);
unzip([], Xs, Ys) -> {reverse(Xs, []), reverse(Ys, [])}.

zip3([X | Xs], [Y | Ys], [Z | Zs]) -> [{X, Y, Z} | zip3(Xs, Ys, Zs)];
zip3([], [], []) -> [].

unzip3(Triples) -> unzip3(Triples, [], [], []).

unzip3([{X, Y, Z} | T], Xs, Ys, Zs) -> unzip3(T, [X | Xs], [Y | Ys], [Z | Zs]);
unzip3([], Xs, Ys, Zs) -> {reverse(Xs, []), reverse(Ys, []), reverse(Zs, [])}.

zipwith(F, [X | Xs], [Y | Ys]) -> [F(X, Y) | zipwith(F, Xs, Ys)];
zipwith(F, [], []) when is_function(F, 2) -> [].

zipwith3(F, [X | Xs], [Y | Ys], [Z | Zs]) -> [F(X, Y, Z) | zipwith3(F, Xs, Ys, Zs)];
zipwith3(F, [], [], []) when is_function(F, 3) -> [].

%% ---------------------------------------------------------------------
%% Flattening and concatenation
%% ---------------------------------------------------------------------

concat(Things) -> flatmap(fun thing_to_list/1, Things).

thing_to_list(X) when is_integer(X) -> integer_to_list(X);
thing_to_list(X) when is_float(X) -> float_to_list(X);
thing_to_list(X) when is_atom(X) -> atom_to_list(X);
thing_to_list(X) when is_list(X) -> X.

flatten(List) when is_list(List) -> flatten_onto(List, []).

flatten(List, Tail) when is_list(List), is_list(Tail) -> flatten_onto(List, Tail).

flatten_onto([H | T], Tail) when is_list(H) -> flatten_onto(H, flatten_onto(T, Tail));
flatten_onto([H | T], Tail) -> [H | flatten_onto(T, Tail)];
flatten_onto([], Tail) -> Tail.

flatlength(List) -> flatlength(List, 0).

flatlength([H | T], N) when is_list(H) -> flatlength(T, flatlength(H, N));
flatlength([_ | T], N) -> flatlength(T, N + 1);
flatlength([], N) -> N.

join(Sep, [H | T]) -> [H | join_rest(Sep, T)];
join(_, []) -> [].

join_rest(Sep, [H | T]) -> [Sep, H | join_rest(Sep, T)];
join_rest(_, []) -> [].

%% ---------------------------------------------------------------------
%% Membership and tuple lists (the first five are BIFs in OTP)
%% ---------------------------------------------------------------------

member(X, [H | T]) ->
    case H =:= X of
        true -> true;
        false -> member(X, T)
    end;
member(_, []) -> false;
member(X, L) -> erlang:error(badarg, [X, L]).

keyfind(Key, N, List) when is_integer(N), N > 0 -> keyfind_loop(Key, N, List, List);
keyfind(Key, N, List) -> erlang:error(badarg, [Key, N, List]).

keyfind_loop(Key, N, [H | T], List) ->
    case is_tuple(H) andalso tuple_size(H) >= N andalso element(N, H) == Key of
        true -> H;
        false -> keyfind_loop(Key, N, T, List)
    end;
keyfind_loop(_, _, [], _) -> false;
keyfind_loop(Key, N, _, List) -> erlang:error(badarg, [Key, N, List]).

keymember(Key, N, List) ->
    case keyfind_checked(Key, N, List) of
        false -> false;
        _ -> true
    end.

keysearch(Key, N, List) ->
    case keyfind_checked(Key, N, List) of
        false -> false;
        Tuple -> {value, Tuple}
    end.

%% keyfind/3 whose badarg names the calling function's arguments.
keyfind_checked(Key, N, List) ->
    try keyfind(Key, N, List)
    catch error:badarg -> erlang:error(badarg, [Key, N, List])
    end.

keydelete(Key, N, List) when is_integer(N), N > 0 -> keydelete_loop(Key, N, List).

keydelete_loop(Key, N, [H | T]) when element(N, H) == Key -> T;
keydelete_loop(Key, N, [H | T]) -> [H | keydelete_loop(Key, N, T)];
keydelete_loop(_, _, []) -> [].

keyreplace(Key, N, List, New) when is_integer(N), N > 0, is_tuple(New) ->
    keyreplace_loop(Key, N, List, New).

keyreplace_loop(Key, N, [H | T], New) when element(N, H) == Key -> [New | T];
keyreplace_loop(Key, N, [H | T], New) -> [H | keyreplace_loop(Key, N, T, New)];
keyreplace_loop(_, _, [], _) -> [].

keytake(Key, N, List) when is_integer(N), N > 0 -> keytake_loop(Key, N, List, []).

keytake_loop(Key, N, [H | T], Acc) when element(N, H) == Key ->
    {value, H, reverse(Acc, T)};
keytake_loop(Key, N, [H | T], Acc) -> keytake_loop(Key, N, T, [H | Acc]);
keytake_loop(_, _, [], _) -> false.

keystore(Key, N, List, New) when is_integer(N), N > 0, is_tuple(New) ->
    keystore_loop(Key, N, List, New).

keystore_loop(Key, N, [H | T], New) when element(N, H) == Key -> [New | T];
keystore_loop(Key, N, [H | T], New) -> [H | keystore_loop(Key, N, T, New)];
keystore_loop(_, _, [], New) -> [New].

keymap(F, N, [H | T]) -> [setelement(N, H, F(element(N, H))) | keymap(F, N, T)];
keymap(F, N, []) when is_integer(N), N >= 1, is_function(F, 1) -> [].

%% ---------------------------------------------------------------------
%% Higher-order functions
%% ---------------------------------------------------------------------

all(Pred, List) when is_function(Pred, 1) ->
    case List of
        [_ | _] -> all_loop(Pred, List);
        [] -> true
    end.

all_loop(Pred, [H | T]) ->
    case Pred(H) of
        true -> all_loop(Pred, T);
        false -> false
    end;
all_loop(_, []) -> true.

any(Pred, List) when is_function(Pred, 1) ->
    case List of
        [_ | _] -> any_loop(Pred, List);
        [] -> false
    end.

any_loop(Pred, [H | T]) ->
    case Pred(H) of
        true -> true;
        false -> any_loop(Pred, T)
    end;
any_loop(_, []) -> false.

map(F, List) when is_function(F, 1) ->
    case List of
        [H | T] -> [F(H) | map_loop(F, T)];
        [] -> []
    end.

map_loop(F, [H | T]) -> [F(H) | map_loop(F, T)];
map_loop(_, []) -> [].

flatmap(F, List) when is_function(F, 1) -> flatmap_loop(F, List).

flatmap_loop(F, [H | T]) -> F(H) ++ flatmap_loop(F, T);
flatmap_loop(_, []) -> [].

foldl(F, Acc, List) when is_function(F, 2) ->
    case List of
        [H | T] -> foldl_loop(F, F(H, Acc), T);
        [] -> Acc
    end.

foldl_loop(F, Acc, [H | T]) -> foldl_loop(F, F(H, Acc), T);
foldl_loop(_, Acc, []) -> Acc.

foldr(F, Acc, [H | T]) -> F(H, foldr(F, Acc, T));
foldr(F, Acc, []) when is_function(F, 2) -> Acc.

filter(Pred, List) when is_function(Pred, 1) ->
    [X || X <- List, Pred(X)].

filtermap(F, List) when is_function(F, 1) -> filtermap_loop(F, List).

filtermap_loop(F, [H | T]) ->
    case F(H) of
        false -> filtermap_loop(F, T);
        true -> [H | filtermap_loop(F, T)];
        {true, Value} -> [Value | filtermap_loop(F, T)]
    end;
filtermap_loop(_, []) -> [].

zf(F, List) -> filtermap(F, List).

foreach(F, List) when is_function(F, 1) -> foreach_loop(F, List).

foreach_loop(F, [H | T]) ->
    F(H),
    foreach_loop(F, T);
foreach_loop(_, []) -> ok.

mapfoldl(F, Acc, List) when is_function(F, 2) -> mapfoldl_loop(F, Acc, List).

mapfoldl_loop(F, Acc, [H | T]) ->
    {X, Acc1} = F(H, Acc),
    {Xs, Acc2} = mapfoldl_loop(F, Acc1, T),
    {[X | Xs], Acc2};
mapfoldl_loop(_, Acc, []) -> {[], Acc}.

mapfoldr(F, Acc, [H | T]) ->
    {Xs, Acc1} = mapfoldr(F, Acc, T),
    {X, Acc2} = F(H, Acc1),
    {[X | Xs], Acc2};
mapfoldr(F, Acc, []) when is_function(F, 2) -> {[], Acc}.

search(Pred, List) when is_function(Pred, 1) -> search_loop(Pred, List).

search_loop(Pred, [H | T]) ->
    case Pred(H) of
        true -> {value, H};
        false -> search_loop(Pred, T)
    end;
search_loop(_, []) -> false.

enumerate(List) -> enumerate(1, List).

enumerate(Index, List) when is_integer(Index), is_list(List) ->
    enumerate_loop(Index, List).

enumerate_loop(I, [H | T]) -> [{I, H} | enumerate_loop(I + 1, T)];
enumerate_loop(_, []) -> [].

%% uniq keeps the first of elements that are exactly equal (=:=).
uniq(List) -> uniq_loop(List, #{}).

uniq_loop([H | T], Seen) ->
    case is_map_key(H, Seen) of
        true -> uniq_loop(T, Seen);
        false -> [H | uniq_loop(T, Seen#{H => true})]
    end;
uniq_loop([], _) -> [].

uniq(F, List) when is_function(F, 1) -> uniq_loop(F, List, #{}).

uniq_loop(F, [H | T], Seen) ->
    Key = F(H),
    case is_map_key(Key, Seen) of
        true -> uniq_loop(F, T, Seen);
        false -> [H | uniq_loop(F, T, Seen#{Key => true})]
    end;
uniq_loop(_, [], _) -> [].

%% ---------------------------------------------------------------------
%% Sorting
%% ---------------------------------------------------------------------

sort(List) -> sort_by(fun(A, B) -> A =< B end, List).

sort(Le, []) when is_function(Le, 2) -> [];
sort(Le, [_] = List) when is_function(Le, 2) -> List;
sort(Le, [_, _ | _] = List) -> sort_by(Le, List).

%% usort/1 keeps the first of elements that compare equal (==).
usort(List) -> dedup(fun(A, B) -> A == B end, sort(List)).

%% usort/2: A and B are equal when Le(A, B) and Le(B, A); in the sorted
%% list Le(A, B) already holds for neighbours A, B.
usort(Le, List) when is_function(Le, 2) ->
    dedup(fun(A, B) -> Le(B, A) end, sort_by(Le, List)).

keysort(N, List) when is_integer(N), N > 0 ->
    case List of
        [] -> List;
        [_] -> List;
        [_, _ | _] -> sort_by(key_le(N), List)
    end.

ukeysort(N, List) when is_integer(N), N > 0 ->
    case List of
        [] -> List;
        [_] -> List;
        [_, _ | _] ->
            dedup(fun(A, B) -> element(N, A) == element(N, B) end,
                  sort_by(key_le(N), List))
    end.

key_le(N) -> fun(A, B) -> element(N, A) =< element(N, B) end.

%% Drops each element equal (by Eq) to the one kept before it.
dedup(Eq, [H | T]) -> [H | dedup(Eq, H, T)];
dedup(_, []) -> [].

dedup(Eq, Kept, [H | T]) ->
    case Eq(Kept, H) of
        true -> dedup(Eq, Kept, T);
        false -> [H | dedup(Eq, H, T)]
    end;
dedup(_, _, []) -> [].

%% The stable merge sort.
sort_by(Le, List) -> merge_runs(Le, runs(Le, List)).

%% Cuts a list into sorted runs: a run goes on while Le(Prev, Next)
%% holds, or, started as a descending run, while it never holds; descending
%% runs are collected reversed, so every run comes out ascending.
runs(_, []) -> [];
runs(_, [X]) -> [[X]];
runs(Le, [X, Y | T]) ->
    case Le(X, Y) of
        true -> up_run(Le, T, Y, [Y, X]);
        false -> down_run(Le, T, Y, [Y, X])
    end.

up_run(Le, [Z | T], Last, Acc) ->
    case Le(Last, Z) of
        true -> up_run(Le, T, Z, [Z | Acc]);
        false -> [reverse(Acc, []) | runs(Le, [Z | T])]
    end;
up_run(_, [], _, Acc) -> [reverse(Acc, [])].

down_run(Le, [Z | T], Last, Acc) ->
    case Le(Last, Z) of
        false -> down_run(Le, T, Z, [Z | Acc]);
        true -> [Acc | runs(Le, [Z | T])]
    end;
down_run(_, [], _, Acc) -> [Acc].

%% Merges neighbouring runs until one is left.
merge_runs(_, []) -> [];
merge_runs(_, [Run]) -> Run;
merge_runs(Le, Runs) -> merge_runs(Le, merge_pairs(Le, Runs)).

merge_pairs(Le, [A, B | Rest]) -> [merge_up(Le, A, B, []) | merge_pairs(Le, Rest)];
merge_pairs(_, Rest) -> Rest.

%% ---------------------------------------------------------------------
%% Merging. Four merge loops, parameterised by the ordering Le:
%%   merge_up   ascending, left element first on ties
%%   merge_down descending, right element first on ties
%%   umerge_up  ascending, of equal elements the left one kept
%%   umerge_down descending, of equal elements the left one kept
%% ---------------------------------------------------------------------

merge_up(Le, [A | As] = L1, [B | Bs] = L2, Acc) ->
    case Le(A, B) of
        true -> merge_up(Le, As, L2, [A | Acc]);
        false -> merge_up(Le, L1, Bs, [B | Acc])
    end;
merge_up(_, [], L2, Acc) -> finish(Acc, L2);
merge_up(_, L1, [], Acc) -> finish(Acc, L1).

merge_down(Le, [A | As] = L1, [B | Bs] = L2, Acc) ->
    case Le(A, B) of
        true -> merge_down(Le, L1, Bs, [B | Acc]);
        false -> merge_down(Le, As, L2, [A | Acc])
    end;
merge_down(_, [], L2, Acc) -> finish(Acc, L2);
merge_down(_, L1, [], Acc) -> finish(Acc, L1).

umerge_up(Le, [A | As] = L1, [B | Bs] = L2, Acc) ->
    case Le(A, B) of
        true ->
            case Le(B, A) of
                true -> umerge_up(Le, As, Bs, [A | Acc]);
                false -> umerge_up(Le, As, L2, [A | Acc])
            end;
        false -> umerge_up(Le, L1, Bs, [B | Acc])
    end;
umerge_up(_, [], L2, Acc) -> finish(Acc, L2);
umerge_up(_, L1, [], Acc) -> finish(Acc, L1).

umerge_down(Le, [A | As] = L1, [B | Bs] = L2, Acc) ->
    case Le(A, B) of
        true ->
            case Le(B, A) of
                true -> umerge_down(Le, As, Bs, [A | Acc]);
                false -> umerge_down(Le, L1, Bs, [B | Acc])
            end;
        false -> umerge_down(Le, As, L2, [A | Acc])
    end;
umerge_down(_, [], L2, Acc) -> finish(Acc, L2);
umerge_down(_, L1, [], Acc) -> finish(Acc, L1).

%% The merged elements (reversed in Acc) followed by the rest of one
%% list, which is copied: badarg when it is not a proper list.
finish(Acc, Rest) -> reverse(reverse(Rest, Acc), []).

le(A, B) -> A =< B.

merge(L1, []) -> L1;
merge(L1, [_ | _] = L2) -> merge_up(fun le/2, L1, L2, []).

merge(Le, L1, []) when is_function(Le, 2) -> L1;
merge(Le, L1, [_ | _] = L2) when is_function(Le, 2) -> merge_up(Le, L1, L2, []).

merge3(L1, L2, L3) -> merge(L1, merge(L2, L3)).

%% merge/1 merges neighbouring lists pairwise, keeping their order.
merge(Lists) -> merge_lists(fun merge/2, Lists).

merge_lists(_, []) -> [];
merge_lists(_, [L]) -> L;
merge_lists(Merge, Lists) -> merge_lists(Merge, merge_list_pairs(Merge, Lists)).

merge_list_pairs(Merge, [A, B | Rest]) -> [Merge(A, B) | merge_list_pairs(Merge, Rest)];
merge_list_pairs(_, [A]) -> [A];
merge_list_pairs(_, []) -> [].

rmerge(L1, []) -> L1;
rmerge(L1, [_ | _] = L2) -> merge_down(fun le/2, L1, L2, []).

rmerge(Le, L1, []) when is_function(Le, 2) -> L1;
rmerge(Le, L1, [_ | _] = L2) when is_function(Le, 2) -> merge_down(Le, L1, L2, []).

rmerge3(L1, L2, L3) -> rmerge(L1, rmerge(L2, L3)).

umerge([], L2) -> L2;
umerge([_ | _] = L1, L2) -> umerge_up(fun le/2, L1, L2, []).

umerge(Le, [], L2) when is_function(Le, 2) -> L2;
umerge(Le, [_ | _] = L1, L2) when is_function(Le, 2) -> umerge_up(Le, L1, L2, []).

umerge3(L1, L2, L3) -> umerge(L1, umerge(L2, L3)).

umerge(Lists) -> merge_lists(fun umerge/2, Lists).

rumerge(L1, []) -> L1;
rumerge(L1, [_ | _] = L2) -> umerge_down(fun le/2, L1, L2, []).

rumerge(Le, L1, []) when is_function(Le, 2) -> L1;
rumerge(Le, L1, [_ | _] = L2) when is_function(Le, 2) -> umerge_down(Le, L1, L2, []).

rumerge3(L1, L2, L3) -> rumerge(L1, rumerge(L2, L3)).

%% The key merges look at the key of one head (List1's for ukeymerge,
%% List2's for the others) before anything else.
keymerge(N, L1, L2) when is_integer(N), N > 0 ->
    case L2 of
        [] -> L1;
        [H | _] -> _ = element(N, H), merge_up(key_le(N), L1, L2, [])
    end.

rkeymerge(N, L1, L2) when is_integer(N), N > 0 ->
    case L2 of
        [] -> L1;
        [H | _] -> _ = element(N, H), merge_down(key_le(N), L1, L2, [])
    end.

ukeymerge(N, L1, L2) when is_integer(N), N > 0 ->
    case L1 of
        [] -> L2;
        [H | _] -> _ = element(N, H), umerge_up(key_le(N), L1, L2, [])
    end.

rukeymerge(N, L1, L2) when is_integer(N), N > 0 ->
    case L2 of
        [] -> L1;
        [H | _] -> _ = element(N, H), umerge_down(key_le(N), L1, L2, [])
    end.
