%% band/bor/bxor/bnot with negative operands (two's complement semantics).
-module(arith_bitwise_neg).
-export([start/0]).

start() ->
    L = [-256, -7, -1, 0, 1, 6, 255],
    [{'band', [A band B || A <- L, B <- L]},
     {'bor', [A bor B || A <- L, B <- L]},
     {'bxor', [A bxor B || A <- L, B <- L]},
     {'bnot', [bnot A || A <- L]},
     {double_bnot, bnot bnot 42}].
