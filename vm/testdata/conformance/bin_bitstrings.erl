%% Non-byte-aligned bitstrings: <<1:3>>, bits segments, bit_size, concatenation.
-module(bin_bitstrings).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

bits(<<>>) -> [];
bits(<<B:1, Rest/bits>>) -> [B | bits(Rest)].

from_bits([]) -> <<>>;
from_bits([B | T]) -> <<B:1, (from_bits(T))/bits>>.

take7(<<X:7/bits, Rest/bits>>) -> {X, Rest}.

start() ->
    A = <<1:3>>,
    B = <<5:3, 1:1, 255:9>>,
    [{a, A, bit_size(A), byte_size(A)},
     {b, B, bit_size(B), byte_size(B)},
     {bits, bits(<<16#A5>>), bits(B)},
     {from_bits, from_bits([1, 0, 1, 1]), from_bits([1, 1, 1, 1, 1, 1, 1, 1, 0])},
     {take7, take7(<<255, 0>>)},
     {concat, <<A/bits, A/bits, A/bits>>, <<A/bits, 0:5>>},
     {is, is_bitstring(A), is_binary(A), is_binary(<<A/bits, 0:5>>)},
     {to_list, bitstring_to_list(B), try binary_to_list(A) catch error:E -> E end},
     {eq, <<1:3>> =:= <<1:3>>, <<1:3>> == <<1:4>>, <<0:1>> < <<0:2>>, <<1:1>> > <<0:8>>}].
