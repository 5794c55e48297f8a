%% Parsing and building an IPv4 header with bit fields (4-bit, 3-bit, 13-bit segments).
-module(bin_ipv4_header).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

-record(ip, {ver, ihl, tos, len, id, flags, frag, ttl, proto, csum, src, dst}).

parse(<<V:4, IHL:4, Tos, Len:16, Id:16, Fl:3, Frag:13, Ttl, Proto, Csum:16,
        S1, S2, S3, S4, D1, D2, D3, D4, _/binary>>) ->
    #ip{ver = V, ihl = IHL, tos = Tos, len = Len, id = Id, flags = Fl, frag = Frag,
        ttl = Ttl, proto = Proto, csum = Csum, src = {S1, S2, S3, S4}, dst = {D1, D2, D3, D4}};
parse(_) -> bad.

build(#ip{ver = V, ihl = IHL, tos = Tos, len = Len, id = Id, flags = Fl, frag = Frag,
          ttl = Ttl, proto = Proto, csum = C, src = {S1, S2, S3, S4}, dst = {D1, D2, D3, D4}}) ->
    <<V:4, IHL:4, Tos, Len:16, Id:16, Fl:3, Frag:13, Ttl, Proto, C:16, S1, S2, S3, S4, D1, D2, D3, D4>>.

csum(B) -> csum(B, 0).
csum(<<W:16, R/binary>>, A) -> csum(R, A + W);
csum(<<>>, A) -> fold(A).
fold(A) when A > 16#FFFF -> fold((A band 16#FFFF) + (A bsr 16));
fold(A) -> 16#FFFF - A.

start() ->
    H = #ip{ver = 4, ihl = 5, tos = 0, len = 60, id = 16#1C46, flags = 2, frag = 0, ttl = 64,
            proto = 6, csum = 0, src = {172, 16, 10, 99}, dst = {172, 16, 10, 12}},
    B0 = build(H),
    C = csum(B0),
    B = build(H#ip{csum = C}),
    [{bin, B},
     {csum, C, csum(B)},
     {parse, parse(B)},
     {rt, parse(B) =:= H#ip{csum = C}},
     {short, parse(<<1, 2, 3>>)}].
