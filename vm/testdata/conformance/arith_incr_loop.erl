%% Accumulating sums/products over ranges, crossing into bignums.
-module(arith_incr_loop).
-export([start/0]).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

sum([], Acc) -> Acc;
sum([H | T], Acc) -> sum(T, Acc + H).

prod([], Acc) -> Acc;
prod([H | T], Acc) -> prod(T, Acc * H).

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

start() ->
    [{sum100, sum(seq(1, 100), 0)},
     {sumneg, sum(seq(-50, 10), 0)},
     {prod25, prod(seq(1, 25), 1)},
     {fsum, sum([0.1 || _ <- seq(1, 10)], 0.0)},
     {fib90, fib(90)}, {fib91, fib(91)}, {fib92, fib(92)}, {fib93, fib(93)},
     {fib200, fib(200)},
     {alt, sum([X * (1 - 2 * (X rem 2)) || X <- seq(1, 99)], 0)}].
