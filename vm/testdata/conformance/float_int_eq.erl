%% == vs =:= between floats and integers, including in containers and case.
-module(float_int_eq).
-export([start/0]).

k(X) -> case X of 3 -> three_int; 3.0 -> three_float; _ -> other end.

start() ->
    I = id(3), F = id(3.0),
    [{eq, I == F, F == I, I =:= F, I /= F, I =/= F},
     {case_int, k(I)}, {case_float, k(F)},
     {map_keys, #{I => int, F => float}},
     {map_get_int, maps_get(I, #{F => float})},
     {list_eq, [I] == [F], [I] =:= [F]},
     {big, float(1 bsl 60) == (1 bsl 60), float(1 bsl 60) =:= (1 bsl 60)},
     {frac, 3.5 == 3, 3.5 /= 3},
     {zero, 0 == 0.0, 0 =:= 0.0}].

maps_get(K, M) -> case M of #{K := V} -> V; _ -> none end.

id(X) -> X.
