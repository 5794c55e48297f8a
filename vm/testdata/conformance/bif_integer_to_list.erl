%% integer_to_list/1,2 in all bases, with negatives and bignums.
-module(bif_integer_to_list).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    B = 1 bsl 100,
    [{dec, [integer_to_list(X) || X <- id([0, 7, -7, 1 bsl 60, -(1 bsl 63), B, -B])]},
     {bases, [integer_to_list(255, Base) || Base <- seq(2, 36)]},
     {neg_bases, [integer_to_list(-255, Base) || Base <- [2, 8, 16, 36]]},
     {big_bases, [integer_to_list(B - 1, Base) || Base <- [2, 16, 36]]},
     {zero, integer_to_list(0, 2), integer_to_list(0, 36)},
     {base1, t(fun() -> integer_to_list(10, id(1)) end)},
     {base37, t(fun() -> integer_to_list(10, id(37)) end)},
     {float, t(fun() -> integer_to_list(id(1.0)) end)},
     {atom, t(fun() -> integer_to_list(id(a), 10) end)}].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

id(X) -> X.
