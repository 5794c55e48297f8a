%% A tail-recursive counting loop: call_only, comparisons, additions.
-module(bench_loop).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(400, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() -> loop(0, 100000, 0).

loop(N, N, Acc) -> Acc;
loop(I, N, Acc) -> loop(I + 1, N, Acc + (I band 7)).
