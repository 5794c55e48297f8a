%% Integer multiplication with signs and small/medium operands.
-module(arith_mul_small).
-export([start/0]).

start() ->
    L = [-1000, -3, -1, 0, 1, 3, 1000],
    [{mul, [A * B || A <- L, B <- L]},
     {sq, [X * X || X <- [-46341, 46341, 65536, -65536]]},
     {big, 123456789 * 987654321},
     {neg_big, -123456789 * 987654321},
     {zero, 0 * -5},
     {chain, 2 * 3 * 4 * 5 * 6 * 7}].
