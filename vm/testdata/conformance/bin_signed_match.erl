%% Signed vs unsigned matching of integer segments in several sizes and endiannesses.
-module(bin_signed_match).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

decode(<<A:8/signed, B:8/unsigned, C:16/signed-big, D:16/signed-little, E:4/signed, F:4>>) ->
    {A, B, C, D, E, F}.

s(Bin, Size) -> <<X:Size/signed, _/bits>> = Bin, X.
u(Bin, Size) -> <<X:Size, _/bits>> = Bin, X.

sl(Bin, Size) -> <<X:Size/signed-little, _/bits>> = Bin, X.

start() ->
    Bin = <<255, 255, 128, 0, 0, 128, 16#F7>>,
    [{decode, decode(Bin)},
     {decode2, decode(<<127, 127, 127, 255, 255, 127, 16#71>>)},
     {s, [s(<<16#80, 0, 0, 0, 0, 0, 0, 0, 0>>, N) || N <- [1, 7, 8, 16, 33, 64, 65]]},
     {u, [u(<<16#80, 0, 0, 0, 0, 0, 0, 0, 0>>, N) || N <- [1, 7, 8, 16, 33, 64, 65]]},
     {sl, [sl(<<0, 0, 0, 0, 0, 0, 0, 0, 16#80>>, N) || N <- [8, 16, 72]]},
     {neg_big, s(<<255, 255, 255, 255, 255, 255, 255, 255, 255, 255>>, 80)}].
