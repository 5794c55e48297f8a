%% Big/little endianness for construction and matching; native only round-tripped.
-module(bin_endian).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

be(X) -> <<X:32/big>>.
le(X) -> <<X:32/little>>.
nat(X) -> <<X:32/native>>.
unnat(<<X:32/native>>) -> X.

swap16(<<A:16/little, Rest/binary>>) -> <<A:16/big, (swap16(Rest))/binary>>;
swap16(<<>>) -> <<>>.

start() ->
    V = 16#11223344,
    [{be, be(V)}, {le, le(V)},
     {native_rt, unnat(nat(V)) =:= V, nat(V) =:= be(V) orelse nat(V) =:= le(V)},
     {cross, begin <<X:32/little>> = be(V), X end},
     {odd_sizes, <<16#ABC:12/little>>, <<16#ABCDE:20/little>>, <<16#1FF:9/little>>},
     {odd_match, begin <<Y:12/little, Z:4>> = <<16#BC, 16#AF>>, {Y, Z} end},
     {swap16, swap16(<<1, 2, 3, 4, 5, 6>>)},
     {float_le, <<1.5:32/float-little>>, <<1.5:64/float-little>>},
     {float_le_rt, begin <<F:64/float-little>> = <<2.25:64/float-little>>, F end}].
