%% Equality (== vs =:=) between ints and floats, and in pattern matching.
-module(arith_int_float_eq).
-export([start/0]).

m(1) -> int_one;
m(1.0) -> float_one;
m(_) -> other.

start() -> t(id(1), id(1.0), id(2), id(2.0), id(-3), id(1 bsl 70)).

id(X) -> X.

t(One, OneF, Two, TwoF, M3, B) ->
    [{eq, One == OneF, One =:= OneF, One /= OneF, One =/= OneF},
     {big, B == float(B), B =:= float(B)},
     {neg, M3 == -3.0, M3 =:= -3.0},
     {match, m(One), m(OneF), m(Two)},
     {case_int, case TwoF of 2 -> int; 2.0 -> float end},
     {list, [One, Two] == [OneF, TwoF], [One, Two] =:= [OneF, TwoF]},
     {tuple, {One, a} == {OneF, a}, {One, a} =:= {OneF, a}},
     {nested, [{One}] == [{OneF}]}].
