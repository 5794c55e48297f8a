%% Bitwise operators on bignums, mixed with small ints and negatives.
-module(arith_bitwise_big).
-export([start/0]).

start() ->
    B = id((1 bsl 100) + 16#FF00FF), NB = -B, S = id(16#F0F0),
    M64 = id((1 bsl 64) - 1),
    [{band_bs, B band S}, {bor_bs, B bor S}, {bxor_bs, B bxor S},
     {band_nb_s, NB band S}, {bor_nb_s, NB bor S}, {bxor_nb_s, NB bxor S},
     {band_b_nb, B band NB}, {bor_b_nb, B bor NB}, {bxor_b_nb, B bxor NB},
     {bnot_b, bnot B}, {bnot_nb, bnot NB},
     {band_m64, -1 band M64}, {bxor_m64, M64 bxor (1 bsl 63)},
     {neg_band, (-(1 bsl 70)) band ((1 bsl 72) - 1)},
     {shrink, (B bxor B) =:= 0},
     {band_to_small, (B band 255)},
     {bor_neg_small, (-2) bor (1 bsl 80)}].

id(X) -> X.
