%% byte_size/bit_size/is_binary/is_bitstring and conversion BIFs on binaries.
-module(bin_sizes_bifs).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

ex(F) -> try F() catch C:R -> {C, R} end.

sz(B) -> {byte_size(B), bit_size(B), is_binary(B), is_bitstring(B)}.

guard(B) when is_binary(B), byte_size(B) > 2 -> long_bin;
guard(B) when is_binary(B) -> short_bin;
guard(B) when is_bitstring(B), bit_size(B) rem 8 =/= 0 -> bits;
guard(_) -> other.

start() ->
    [{sz, [sz(B) || B <- [<<>>, <<1>>, <<1:1>>, <<1:9>>, <<0:64>>, <<1:65>>]]},
     {guard, [guard(B) || B <- [<<1, 2, 3>>, <<1>>, <<1:7>>, [1], 1]]},
     {bad_size, ex(fun() -> byte_size([1]) end), ex(fun() -> bit_size(a) end)},
     {conv, binary_to_list(<<1, 2>>), list_to_binary([<<1>>, 2, [3, <<4>>]]),
      bitstring_to_list(<<1, 2:3>>), list_to_bitstring([<<1:3>>, <<2:5>>])},
     {atom_bin, atom_to_binary(hello, utf8), binary_to_atom(<<"x y">>, utf8),
      binary_to_existing_atom(<<"true">>, utf8)},
     {int_bin, integer_to_binary(-255), integer_to_binary(255, 16), binary_to_integer(<<"-12">>),
      binary_to_integer(<<"ff">>, 16)},
     {float_bin, binary_to_float(<<"1.5">>), ex(fun() -> binary_to_float(<<"1">>) end)},
     {bin_to_list3, binary_to_list(<<"abcdef">>, 2, 4)},
     {iolist, iolist_to_binary([<<"a">>, "b", [$c, [<<"d">>]]]), iolist_size([<<1:8>>, [2, 3]])},
     {bad_iolist, ex(fun() -> iolist_to_binary([<<1:1>>]) end)}].
