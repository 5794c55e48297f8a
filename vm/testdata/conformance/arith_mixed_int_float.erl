%% Mixed integer/float arithmetic produces floats.
-module(arith_mixed_int_float).
-export([start/0]).

start() ->
    I = id(3), F = id(0.5), B = id(1 bsl 70),
    [{add, I + F, F + I}, {sub, I - F, F - I}, {mul, I * F, F * I},
     {fdiv, I / F, F / I},
     {int_times_float_one, I * 1.0},
     {zero, 0 * F},
     {big_plus_float, B + 0.5},
     {big_times_float, B * 2.0},
     {is_float, [is_float(X) || X <- [I + 0.0, I * 1, I / 1, B / B, B div B]]},
     {neg_mixed, -I * F}].

id(X) -> X.
