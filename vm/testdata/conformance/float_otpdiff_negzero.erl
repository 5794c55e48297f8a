%% Negative zero: arithmetic producing -0.0 and its printing/comparison.
%% otpdiff: OTP 27 made 0.0 and -0.0 distinct for =:= and pattern matching
%% (OTP 25: 0.0 =:= -0.0 is true), so the exact-equality results differ.
-module(float_otpdiff_negzero).
-export([start/0]).

start() ->
    Z = id(0.0), N = Z * -1,
    [{neg_zero, N}, {print, float_to_list(N, [short])},
     {eq, N == Z}, {exact, N =:= Z}, {lt, N < Z},
     {match, case N of 0.0 -> pos_zero; _ -> other end},
     {neg_of_zero, -Z}, {int_eq, N == 0},
     {sub, Z - Z}, {mul, -1.0 * Z},
     {round, round(N), trunc(N)}].

id(X) -> X.
