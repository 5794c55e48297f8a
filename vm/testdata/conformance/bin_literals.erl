%% Literal binaries in code and patterns: long literals, literals with bits, repeated use.
-module(bin_literals).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

long() -> <<"The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog.">>.

pat(<<"The quick brown fox jumps over the lazy dog.", Rest/binary>>) -> {pangram, byte_size(Rest)};
pat(_) -> no.

bits_lit() -> <<1:1, 0:2, 7:5, 1:3>>.

table() -> [<<"zero">>, <<"one">>, <<"two">>, <<0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1>>].

start() ->
    [{long_size, byte_size(long())},
     {pat, pat(long()), pat(<<"The">>)},
     {bits, bits_lit(), bit_size(bits_lit())},
     {table, table()},
     {same, long() =:= long(), binary_part(long(), 0, 9)}].
