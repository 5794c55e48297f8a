%% Body-recursive calls and small-integer arithmetic.
-module(bench_fib).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(500, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() -> fib(22).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
