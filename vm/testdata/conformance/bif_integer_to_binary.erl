%% integer_to_binary/1,2 in various bases, with negatives and bignums.
-module(bif_integer_to_binary).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    B = 1 bsl 70,
    [{dec, [integer_to_binary(X) || X <- id([0, 42, -42, 1 bsl 59, B, -B])]},
     {hex, integer_to_binary(3735928559, 16), integer_to_binary(-255, 16)},
     {bin, integer_to_binary(10, 2), integer_to_binary(-10, 2)},
     {b36, integer_to_binary(123456789, 36), integer_to_binary(B, 36)},
     {b3, integer_to_binary(-B, 3)},
     {bad_base, t(fun() -> integer_to_binary(1, id(0)) end)},
     {bad_int, t(fun() -> integer_to_binary(id("1")) end)}].

id(X) -> X.
