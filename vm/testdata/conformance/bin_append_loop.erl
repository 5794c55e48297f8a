%% Appending to a binary accumulator in loops (<<Acc/binary, X>>), including bits.
-module(bin_append_loop).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, <<Acc/binary, (N rem 256)>>).

build16(L) -> build16(L, <<>>).
build16([], Acc) -> Acc;
build16([H | T], Acc) -> build16(T, <<Acc/binary, H:16>>).

bits(0, Acc) -> Acc;
bits(N, Acc) -> bits(N - 1, <<Acc/bits, (N band 1):1>>).

join([], _) -> <<>>;
join([H | T], Sep) -> join(T, Sep, H).
join([], _, Acc) -> Acc;
join([H | T], Sep, Acc) -> join(T, Sep, <<Acc/binary, Sep/binary, H/binary>>).

hex(B) -> hex(B, <<>>).
hex(<<>>, Acc) -> Acc;
hex(<<N:4, R/bits>>, Acc) -> hex(R, <<Acc/binary, (hexdig(N))>>).
hexdig(N) when N < 10 -> $0 + N;
hexdig(N) -> $a + N - 10.

start() ->
    B = build(1000, <<>>),
    Base = <<"keep">>,
    B1 = <<Base/binary, 1>>,
    B2 = <<Base/binary, 2>>,
    [{size, byte_size(B), binary_part(B, 0, 4), binary_part(B, 996, 4)},
     {build16, build16([1, 2, 258])},
     {bits, bits(13, <<>>), bit_size(bits(13, <<>>))},
     {join, join([<<"a">>, <<"bb">>, <<"ccc">>], <<", ">>), join([], <<",">>)},
     {hex, hex(<<16#DE, 16#AD, 16#BE, 16#EF>>)},
     {no_sharing, Base, B1, B2},
     {append_sum, sum(build(300, <<>>))}].

sum(<<>>) -> 0;
sum(<<X, R/binary>>) -> X + sum(R).
