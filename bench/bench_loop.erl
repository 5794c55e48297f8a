%% A tail-recursive counting loop: call_only, comparisons, additions.
-module(bench_loop).
-export([run/0]).

run() -> loop(0, 100000, 0).

loop(N, N, Acc) -> Acc;
loop(I, N, Acc) -> loop(I + 1, N, Acc + (I band 7)).
