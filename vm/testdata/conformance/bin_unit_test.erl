%% Units on binary segments and tail unit tests: /binary-unit:N, /bits-unit, alignment checks.
-module(bin_unit_test).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

aligned16(<<_/binary-unit:16>>) -> true;
aligned16(_) -> false.

aligned4(<<_/binary-unit:4>>) -> true;
aligned4(_) -> false.

words(<<W:2/binary-unit:16, R/binary>>) -> [W | words(R)];
words(<<R/binary>>) -> [{rest, R}].

quads(<<Q:1/binary-unit:4, R/bits>>) -> [Q | quads(R)];
quads(<<>>) -> [].

is_bytes(B) when is_binary(B) -> bytes;
is_bytes(_) -> no.

start() ->
    [{aligned16, [aligned16(B) || B <- [<<>>, <<1>>, <<1, 2>>, <<1, 2, 3>>, <<1, 2, 3, 4>>, <<1:4>>]]},
     {aligned4, [aligned4(B) || B <- [<<>>, <<1:4>>, <<1:3>>, <<1, 1:4>>, <<1:12>>, <<1:13>>]]},
     {words, words(<<"abcdefghij">>)},
     {quads, quads(<<16#ABC:12>>)},
     {is_bytes, is_bytes(<<1:8>>), is_bytes(<<1:4>>)},
     {unit_construct, <<1:2/unit:8>>, <<(<<"abcd">>):2/binary-unit:16>>}].
