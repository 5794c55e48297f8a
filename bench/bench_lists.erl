%% Building and reversing lists: put_list, get_list, the heap and the GC.
-module(bench_lists).
-export([run/0]).

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
