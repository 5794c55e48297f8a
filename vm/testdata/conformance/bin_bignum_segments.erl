%% Bignum-sized integer segments with variable sizes, little-endian, signed, arithmetic round-trips.
-module(bin_bignum_segments).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).

rt(V, S) ->
    {<<X:S>> = <<V:S>>, <<Y:S/little>> = <<V:S/little>>, <<Z:S/signed>> = <<V:S/signed>>},
    {X, Y, Z}.

start() ->
    F = pow(3, 100),
    N = -pow(7, 50),
    [{f, <<F:160>>},
     {f_rt, rt(F, 160), rt(F, 159)},
     {n_rt, rt(N, 144)},
     {little, <<F:168/little>>},
     {trunc, <<F:70>>, <<F:64>>},
     {odd, <<F:161>>},
     {match_two, begin <<A:100, B:100>> = <<F:100, N:100>>, {A, B} end},
     {signed_two, begin <<A2:100/signed, B2:100/signed>> = <<F:100, N:100>>, {A2, B2} end}].
