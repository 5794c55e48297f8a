%% Integer overflow into bignums and back to small ints via loops.
-module(arith_overflow_back).
-export([start/0]).

up(X, 0) -> X;
up(X, N) -> up(X * 3, N - 1).

down(X, 0) -> X;
down(X, N) -> down(X div 3, N - 1).

sum(0, Acc) -> Acc;
sum(N, Acc) -> sum(N - 1, Acc + N * N * N * N * N * N).

start() ->
    Up = up(7, 80),
    [{up, Up}, {down, down(Up, 80)},
     {small, is_integer(down(Up, 80)) andalso down(Up, 80) =:= 7},
     {sum6, sum(2000, 0)},
     {neg, up(-7, 45)}, {negdown, down(up(-7, 45), 45)},
     {add_sub, ((1 bsl 62) + (1 bsl 62)) - (1 bsl 62)},
     {mul_div, ((1 bsl 40) * (1 bsl 40)) div (1 bsl 40)},
     {pow2, [1 bsl N - 1 || N <- [58, 59, 60, 61, 62, 63, 64, 65]]}].
