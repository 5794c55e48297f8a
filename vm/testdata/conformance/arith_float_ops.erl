%% Basic float arithmetic: + - * / and results that are exact.
-module(arith_float_ops).
-export([start/0]).

start() ->
    A = id(1.5), B = id(0.25),
    [{add, A + B}, {sub, A - B}, {mul, A * B}, {dvd, A / B},
     {point, 0.1 + 0.2}, {point_eq, 0.1 + 0.2 == 0.3},
     {third, 1 / 3}, {two_thirds, 2 / 3},
     {neg, -A * B}, {big, 1.0e200 * 1.0e100},
     {small, 1.0e-200 * 1.0e-200},
     {sub_self, A - A},
     {int_div, 7 / 2, 8 / 2, -9 / 4},
     {precision, 9007199254740993 / 1},
     {sqrt_like, 1.4142135623730951 * 1.4142135623730951}].

id(X) -> X.
