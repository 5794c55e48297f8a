%% Tag-length-value and varint (LEB128) encode/decode written with bit syntax.
-module(bin_tlv_parser).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

enc_varint(N) when N < 128 -> <<N>>;
enc_varint(N) -> <<1:1, (N band 127):7, (enc_varint(N bsr 7))/binary>>.

dec_varint(B) -> dec_varint(B, 0, 0).
dec_varint(<<1:1, V:7, R/binary>>, Shift, Acc) -> dec_varint(R, Shift + 7, Acc bor (V bsl Shift));
dec_varint(<<0:1, V:7, R/binary>>, Shift, Acc) -> {Acc bor (V bsl Shift), R}.

enc_tlv({int, N}) -> Body = enc_varint(N), <<1, (byte_size(Body)), Body/binary>>;
enc_tlv({str, S}) -> <<2, (byte_size(S)), S/binary>>;
enc_tlv({list, L}) -> Body = << <<(enc_tlv(E))/binary>> || E <- L >>, <<3, (byte_size(Body)), Body/binary>>.

dec_tlv(<<1, L, V:L/binary, R/binary>>) -> {N, <<>>} = dec_varint(V), {{int, N}, R};
dec_tlv(<<2, L, V:L/binary, R/binary>>) -> {{str, V}, R};
dec_tlv(<<3, L, V:L/binary, R/binary>>) -> {{list, dec_all(V)}, R}.

dec_all(<<>>) -> [];
dec_all(B) -> {T, R} = dec_tlv(B), [T | dec_all(R)].

start() ->
    Nums = [0, 1, 127, 128, 300, 16384, 1 bsl 35, (1 bsl 64) + 1],
    Term = {list, [{int, 5}, {str, <<"hi">>}, {list, [{int, 300}, {list, []}]}, {int, 1 bsl 40}]},
    Enc = enc_tlv(Term),
    [{varints, [enc_varint(N) || N <- Nums]},
     {varint_rt, [element(1, dec_varint(enc_varint(N))) || N <- Nums] =:= Nums},
     {tlv, Enc},
     {tlv_rt, dec_tlv(<<Enc/binary, "tail">>)}].
