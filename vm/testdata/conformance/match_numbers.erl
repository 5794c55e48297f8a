%% Integer vs float patterns: 1 does not match 1.0, == vs =:= in guards, bignum literals.
-module(match_numbers).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

m(1) -> int_one;
m(1.0) -> float_one;
m(2.5) -> two_half;
m(-3) -> neg_three;
m(12345678901234567890) -> big;
m(X) when X == 7 -> seven_ish;
m(_) -> other.

eq(A, B) -> {A == B, A =:= B, A /= B, A =/= B}.

start() ->
    [{m, [m(X) || X <- [1, 1.0, 2.5, -3, -3.0, 12345678901234567890, 12345678901234567890.0,
                        7, 7.0, 8]]},
     {eq, [eq(A, B) || {A, B} <- [{1, 1}, {1, 1.0}, {0, 0.0}, {1 bsl 70, 1 bsl 70}, {2, 3}]]},
     {case_float, case 3.0 of 3 -> int; 3.0 -> flt end},
     {case_int, case id(3) of 3.0 -> flt; 3 -> int end}].

id(X) -> X.
