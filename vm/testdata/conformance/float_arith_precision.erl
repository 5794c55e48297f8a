%% IEEE-754 double precision effects: rounding, cancellation, large/small sums.
-module(float_arith_precision).
-export([start/0]).

sum([], A) -> A;
sum([H | T], A) -> sum(T, A + H).

rep(_, 0) -> [];
rep(X, N) -> [X | rep(X, N - 1)].

start() ->
    E = id(2.220446049250313e-16),
    [{eps, 1.0 + E > 1.0, 1.0 + E / 2 > 1.0},
     {cancel, (1.0e16 + 1.0) - 1.0e16},
     {assoc, (0.1 + 0.2) + 0.3, 0.1 + (0.2 + 0.3)},
     {sum_tenths, sum(rep(id(0.1), 100), 0.0)},
     {third_times3, (1 / id(3)) * 3},
     {big_small, 1.0e20 + id(1.0)},
     {div_exact, id(1.0) / 1024},
     {mul_neg, id(-0.1) * 3},
     {max_int_float, 9007199254740993.0},
     {denorm, id(5.0e-324) * 2, id(5.0e-324) / 2},
     {sub_near, id(1.0000000000000002) - 1.0}].

id(X) -> X.
