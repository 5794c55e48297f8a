%% Unary minus/plus and abs/1 on ints, bignums and floats.
-module(arith_unary_abs).
-export([start/0]).

start() ->
    X = id(7), B = id(1 bsl 65), F = id(2.5),
    [{neg, -X, - -X, +X, -(-X)},
     {neg_big, -B, -(-B)},
     {neg_float, -F, +F},
     {abs, [abs(V) || V <- [0, 5, -5, -(1 bsl 59), -(1 bsl 60), -(1 bsl 63), -B, -F, F, -0]]},
     {abs_min_small, abs(-576460752303423488)},
     {abs_err, try abs(id(x)) catch C:R -> {C, R} end},
     {neg_err, try -(id("s")) catch C2:R2 -> {C2, R2} end},
     {plus_err, try +(id(x)) catch C3:R3 -> {C3, R3} end}].

id(X) -> X.
