%% ==, =:=, /=, =/= between integers and floats, including bignums.
-module(cmp_int_float_ops).
-export([start/0]).

start() ->
    Ps = [{1, 1.0}, {0, 0.0}, {-7, -7.0}, {2, 2.5}, {1 bsl 60, 1152921504606846976.0},
          {(1 bsl 60) + 1, 1152921504606846976.0}, {1 bsl 64, 18446744073709551616.0},
          {1.0, 1.0}, {1, 1}, {a, a}, {1, a}],
    [{A, B, A == B, A =:= B, A /= B, A =/= B} || {A, B} <- id(Ps)].

id(X) -> X.
