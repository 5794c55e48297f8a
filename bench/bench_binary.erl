%% Binaries and bit syntax: encode packets of a small wire format (version
%% and type in 4-bit fields, a 16-bit big-endian length, a 32-bit little-endian
%% sequence number, a payload and a one-byte checksum), concatenate them into
%% a stream, then parse the stream back and verify every packet.
-module(bench_binary).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(80, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() ->
    Stream = encode_all(1500, <<>>),
    {Count, Sum} = decode_all(Stream, 0, 0),
    {byte_size(Stream), Count, Sum}.

encode_all(0, Acc) -> Acc;
encode_all(N, Acc) ->
    Payload = payload(N rem 40, N, <<>>),
    encode_all(N - 1, <<Acc/binary, (packet(N rem 16, N, Payload))/binary>>).

payload(0, _, Acc) -> Acc;
payload(K, Seed, Acc) -> payload(K - 1, Seed, <<Acc/binary, ((Seed + K * 31) band 255)>>).

packet(Type, Seq, Payload) ->
    Body = <<1:4, Type:4, (byte_size(Payload)):16, Seq:32/little, Payload/binary>>,
    <<Body/binary, (sum_bytes(Body, 0) band 255)>>.

decode_all(<<>>, Count, Sum) -> {Count, Sum};
decode_all(<<1:4, Type:4, Len:16, Seq:32/little, Payload:Len/binary, Check, Rest/binary>> = Bin, Count, Sum) ->
    Check = sum_bytes(binary:part(Bin, 0, 7 + Len), 0) band 255,
    decode_all(Rest, Count + 1, Sum + Type + Seq + words(Payload, 0)).

%% The payload read back as 16-bit words, and a last odd byte.
words(<<W:16, Rest/binary>>, Acc) -> words(Rest, Acc + W);
words(<<B>>, Acc) -> Acc + B;
words(<<>>, Acc) -> Acc.

sum_bytes(<<B, Rest/binary>>, Acc) -> sum_bytes(Rest, Acc + B);
sum_bytes(<<>>, Acc) -> Acc.
