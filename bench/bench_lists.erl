%% Building and reversing lists: put_list, get_list, the heap and the GC.
-module(bench_lists).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(800, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() ->
    L = build(10000, []),
    R = rev(L, []),
    sum(R, 0) + length(L).

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, [N | Acc]).

rev([], Acc) -> Acc;
rev([H | T], Acc) -> rev(T, [H | Acc]).

sum([], Acc) -> Acc;
sum([H | T], Acc) -> sum(T, Acc + H).
