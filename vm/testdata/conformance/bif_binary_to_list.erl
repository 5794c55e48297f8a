%% binary_to_list/1,3, bitstring_to_list/1, list_to_bitstring/1 and errors.
-module(bif_binary_to_list).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    B = id(<<"hello">>),
    [{b2l, binary_to_list(B), binary_to_list(<<>>)},
     {b2l3, binary_to_list(B, 1, 5), binary_to_list(B, 2, 3), binary_to_list(B, 3, 3)},
     {b2l3_bad, t(fun() -> binary_to_list(B, id(0), 2) end)},
     {b2l3_bad2, t(fun() -> binary_to_list(B, 2, id(6)) end)},
     {b2l3_rev, t(fun() -> binary_to_list(B, 3, id(2)) end)},
     {b2l_bits, t(fun() -> binary_to_list(id(<<1:9>>)) end)},
     {bs2l, bitstring_to_list(<<1, 2, 3:3>>), bitstring_to_list(<<1, 2>>)},
     {l2bs, list_to_bitstring([<<1:1>>, 255, [<<2:6>>]])},
     {l2bs_bits_tail, t(fun() -> list_to_bitstring(id([<<1:1>> | <<2:3>>])) end)},
     {l2b_bits_bad, t(fun() -> list_to_binary(id([<<1:1>>])) end)},
     {b2l_atom, t(fun() -> binary_to_list(id(a)) end)}].

id(X) -> X.
