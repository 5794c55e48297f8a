%% float/1 on ints and bignums, and errors on non-numbers.
-module(arith_float_conv).
-export([start/0]).

start() ->
    [{ints, [float(I) || I <- [0, 1, -1, 123456789, 1 bsl 53, (1 bsl 53) + 1,
                              1 bsl 60, -(1 bsl 63), 1 bsl 100]]},
     {float_id, float(2.5)},
     {err_atom, try float(id(a)) catch C:R -> {C, R} end},
     {err_list, try float(id("1.0")) catch C2:R2 -> {C2, R2} end},
     {round_trip, trunc(float(1 bsl 62)) =:= 1 bsl 62},
     {precision_lost, trunc(float((1 bsl 60) + 1)) =:= (1 bsl 60) + 1}].

id(X) -> X.
