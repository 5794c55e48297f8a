%% Arithmetic around 2^63/2^64 (machine word boundaries).
-module(arith_boundary_64).
-export([start/0]).

start() ->
    M = id(1 bsl 63), N = id(1 bsl 64),
    [{m, M}, {m_m1, M - 1}, {neg_m, -M}, {neg_m_m1, -M - 1},
     {n, N}, {n_m1, N - 1}, {neg_n, -N},
     {m_plus_m, M + M}, {diff, N - M},
     {mul, (M - 1) * (M - 1)}, {mulneg, (-M) * (M - 1)},
     {div1, (N - 1) div 3}, {rem1, (N - 1) rem 7},
     {divneg, (-M - 1) div 2}, {remneg, (-M - 1) rem 2},
     {max64, 16#FFFFFFFFFFFFFFFF + 1},
     {minu, -16#8000000000000000 - 1 + 1},
     {cmp, [M > M - 1, -M - 1 < -M, N > M, (N - 1) + 1 =:= N]},
     {sub_back, (N + 5) - N}, {mul_back, ((M * 3) div 3) =:= M}].

id(X) -> X.
