%% Binary comprehensions: bytes to bytes, bits generators, filters, to lists, nested.
-module(bin_comprehension).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

invert(B) -> << <<(255 - X)>> || <<X>> <= B >>.
evens(B) -> << <<X>> || <<X>> <= B, X rem 2 =:= 0 >>.
nibbles(B) -> [N || <<N:4>> <= B].
pack(L) -> << <<X:4>> || X <- L >>.
bits(B) -> << <<(1 - X):1>> || <<X:1>> <= B >>.
pairs(B) -> [{A, C} || <<A, C>> <= B].
wide(L) -> << <<X:16/little>> || X <- L >>.
cross(A, B) -> << <<X, Y>> || <<X>> <= A, <<Y>> <= B >>.
upcase(B) -> << <<(if C >= $a, C =< $z -> C - 32; true -> C end)>> || <<C>> <= B >>.

start() ->
    [{invert, invert(<<0, 1, 254, 255>>)},
     {evens, evens(<<1, 2, 3, 4, 5, 6>>)},
     {nibbles, nibbles(<<16#AB, 16#CD>>)},
     {pack, pack([1, 2, 3, 4, 5])},
     {bits, bits(<<16#F0, 1:2>>)},
     {pairs, pairs(<<1, 2, 3, 4, 5>>)},
     {wide, wide([1, 256, 65535])},
     {cross, cross(<<1, 2>>, <<"ab">>)},
     {upcase, upcase(<<"Hello, World">>)},
     {empty, invert(<<>>), pack([])},
     {to_list_gen, << <<X>> || {X, _} <- [{1, a}, {2, b}] >>},
     {utf8_gen, [C || <<C/utf8>> <= <<"añb"/utf8>>]},
     {big, byte_size(<< <<X:32>> || X <- seq(1, 1000) >>)}].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
