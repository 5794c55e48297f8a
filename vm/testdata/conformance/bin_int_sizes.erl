%% Integer segments of 1..64 bits and beyond (65, 100, 128, 200 bits): construct + match.
-module(bin_int_sizes).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

rt(V, S) ->
    B = <<V:S>>,
    <<U:S>> = B,
    <<I:S/signed>> = B,
    <<L:S/little>> = <<V:S/little>>,
    {S, bit_size(B), U, I, L}.

rt_little_signed(V, S) ->
    B = <<V:S/little-signed>>,
    <<X:S/little-signed>> = B,
    {X, B}.

start() ->
    Sizes = [1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 100, 128, 200],
    [{all_ones, [rt(-1, S) || S <- Sizes]},
     {ones_pos, [rt((1 bsl S) - 1, S) || S <- [1, 8, 63, 64, 65]]},
     {high_bit, [rt(1 bsl (S - 1), S) || S <- [8, 32, 64, 65, 128]]},
     {bins, [<<16#0123456789ABCDEF0123:S>> || S <- [12, 36, 64, 65, 80, 81]]},
     {little_signed, [rt_little_signed(V, S) || {V, S} <- [{-5, 12}, {-300, 64}, {-(1 bsl 70), 72},
                                                            {1 bsl 70, 72}, {-1, 65}]]},
     {bignum_match, begin <<A:100, B:28>> = <<(1 bsl 99 + 12345):100, 7:28>>, {A, B} end}].
