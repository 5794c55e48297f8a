%% term_to_binary/1 of atoms with default options.
%% otpdiff: OTP 25 emits ATOM_EXT (100) by default; OTP 26+ switched the
%% default minor_version to 2, emitting SMALL_ATOM_UTF8_EXT (119).
-module(bif_t2b_otpdiff_default_atoms).
-export([start/0]).

start() ->
    Ts = [a, abc, true, {ok, 1}, [x], #{k => v}],
    [{T, term_to_binary(T)} || T <- id(Ts)].

id(X) -> X.
