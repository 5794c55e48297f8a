%% Errors in binary construction: bad values, negative/non-integer sizes, bad types.
-module(bin_construct_errors).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

ex(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

int(V, S) -> <<V:S>>.
bin(V) -> <<V/binary>>.
bin_sized(V, S) -> <<V:S/binary>>.
flt(V) -> <<V/float>>.
utf(V) -> <<V/utf8>>.
bits(V) -> <<V/bits>>.

start() ->
    [{int_ok, ex(fun() -> int(1, 8) end)},
     {int_atom, ex(fun() -> int(a, 8) end)},
     {int_float, ex(fun() -> int(1.5, 8) end)},
     {neg_size, ex(fun() -> int(1, -1) end)},
     {atom_size, ex(fun() -> int(1, x) end)},
     {float_size, ex(fun() -> int(1, 8.0) end)},
     {bin_list, ex(fun() -> bin([1, 2]) end)},
     {bin_bits, ex(fun() -> bin(<<1:1>>) end)},
     {bin_sized_short, ex(fun() -> bin_sized(<<1>>, 2) end)},
     {bin_sized_neg, ex(fun() -> bin_sized(<<1>>, -1) end)},
     {float_atom, ex(fun() -> flt(x) end)},
     {float_int, ex(fun() -> flt(3) end)},
     {utf_big, ex(fun() -> utf(16#110000) end)},
     {utf_atom, ex(fun() -> utf(a) end)},
     {bits_int, ex(fun() -> bits(5) end)},
     {bits_ok, ex(fun() -> bits(<<5:3>>) end)}].
