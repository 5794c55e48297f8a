%% byte_size/1, bit_size/1, size/1 on binaries, bitstrings and invalid args.
-module(bif_byte_bit_size).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Bs = [<<>>, <<1>>, <<1:1>>, <<1:7>>, <<1:8>>, <<1:9>>, <<0:100>>,
          list_to_binary(seq(1, 1000))],
    [{sizes, [{byte_size(B), bit_size(B)} || B <- id(Bs)]},
     {size_bin, size(<<1, 2, 3>>), size({a, b})},
     {size_bits, t(fun() -> size(id(<<1:9>>)) end)},
     {byte_list, t(fun() -> byte_size(id([1])) end)},
     {bit_atom, t(fun() -> bit_size(id(a)) end)},
     {size_list, t(fun() -> size(id([1])) end)},
     {guard, [g(B) || B <- [<<1, 2>>, <<1:4>>, <<>>, x]]}].

g(B) when bit_size(B) rem 8 =/= 0 -> unaligned;
g(B) when byte_size(B) > 0 -> nonempty;
g(_) -> other.

seq(A, B) when A > B -> [];
seq(A, B) -> [A rem 256 | seq(A + 1, B)].

id(X) -> X.
