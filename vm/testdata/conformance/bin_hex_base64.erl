%% Hand-written hex and base64 encoders/decoders using bit syntax matching.
-module(bin_hex_base64).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

hex(B) -> << <<(d(N))>> || <<N:4>> <= B >>.
d(N) when N < 10 -> $0 + N;
d(N) -> $a + N - 10.

unhex(H) -> << <<(v(A)):4, (v(B)):4>> || <<A, B>> <= H >>.
v(C) when C >= $0, C =< $9 -> C - $0;
v(C) when C >= $a, C =< $f -> C - $a + 10.

b64(<<A:6, B:6, C:6, D:6, R/binary>>) -> <<(e(A)), (e(B)), (e(C)), (e(D)), (b64(R))/binary>>;
b64(<<A:6, B:6, C:4>>) -> <<(e(A)), (e(B)), (e(C bsl 2)), $=>>;
b64(<<A:6, B:2>>) -> <<(e(A)), (e(B bsl 4)), $=, $=>>;
b64(<<>>) -> <<>>.

e(N) when N < 26 -> $A + N;
e(N) when N < 52 -> $a + N - 26;
e(N) when N < 62 -> $0 + N - 52;
e(62) -> $+;
e(63) -> $/.

unb64(<<A, B, $=, $=>>) -> <<(u(A)):6, (u(B) bsr 4):2>>;
unb64(<<A, B, C, $=>>) -> <<(u(A)):6, (u(B)):6, (u(C) bsr 2):4>>;
unb64(<<A, B, C, D, R/binary>>) -> <<(u(A)):6, (u(B)):6, (u(C)):6, (u(D)):6, (unb64(R))/binary>>;
unb64(<<>>) -> <<>>.

u(C) when C >= $A, C =< $Z -> C - $A;
u(C) when C >= $a, C =< $z -> C - $a + 26;
u(C) when C >= $0, C =< $9 -> C - $0 + 52;
u($+) -> 62;
u($/) -> 63.

start() ->
    Inputs = [<<>>, <<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>, <<0, 255, 128>>],
    [{hex, [hex(B) || B <- Inputs]},
     {unhex, [unhex(hex(B)) =:= B || B <- Inputs]},
     {b64, [b64(B) || B <- Inputs]},
     {unb64, [unb64(b64(B)) =:= B || B <- Inputs]}].
