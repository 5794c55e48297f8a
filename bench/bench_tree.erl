%% An unbalanced binary search tree of tagged tuples: insert, look up and
%% fold, all by pattern matching on {node, Key, Value, Left, Right}.
-module(bench_tree).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(40, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() ->
    Keys = keys(4000, 7, []),
    T = lists:foldl(fun(K, Acc) -> insert(K, K * 3, Acc) end, empty, Keys),
    Found = lists:foldl(fun(K, Acc) -> Acc + lookup(K, T) end, 0, Keys),
    Missing = lists:foldl(fun(K, Acc) -> Acc + lookup(-K, T) end, 0, Keys),
    {Found, Missing, fold(T, 0), depth(T)}.

keys(0, _, Acc) -> Acc;
keys(N, Seed, Acc) ->
    Next = (Seed * 1103515245 + 12345) band 16#7FFFFFFF,
    keys(N - 1, Next, [Next rem 1000000 | Acc]).

insert(K, V, empty) -> {node, K, V, empty, empty};
insert(K, V, {node, K, _, L, R}) -> {node, K, V, L, R};
insert(K, V, {node, K1, V1, L, R}) when K < K1 -> {node, K1, V1, insert(K, V, L), R};
insert(K, V, {node, K1, V1, L, R}) -> {node, K1, V1, L, insert(K, V, R)}.

lookup(_, empty) -> 0;
lookup(K, {node, K, V, _, _}) -> V;
lookup(K, {node, K1, _, L, _}) when K < K1 -> lookup(K, L);
lookup(K, {node, _, _, _, R}) -> lookup(K, R).

fold(empty, Acc) -> Acc;
fold({node, K, V, L, R}, Acc) -> fold(R, fold(L, (Acc + K + V) rem 1000000007)).

depth(empty) -> 0;
depth({node, _, _, L, R}) -> 1 + max(depth(L), depth(R)).
