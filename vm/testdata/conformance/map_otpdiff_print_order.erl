%% OTPDIFF: ~w order of small maps with several atom keys (OTP 26+ orders atoms by
%% internal index, not text) and of large (>32 key) hash maps (hash-based order).
%% The expected output records OTP 25 behaviour; other releases may differ.
%% (Large maps with atom keys are left out: their order varies between runs.)
-module(map_otpdiff_print_order).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

build(L) -> build(L, #{}).
build([], M) -> M;
build([K | T], M) -> build(T, M#{K => v}).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

start() ->
    [{small_atoms, build([zeta, alpha, mid, beta])},
     {atoms_and_ints, build([b, 2, a, 1])},
     {large33, build(seq(1, 33))},
     {large40, build(seq(1, 40))},
     {large_mixed, build(seq(1, 30) ++ [{b}, "c", <<"d">>, 1.5, -7])}].
