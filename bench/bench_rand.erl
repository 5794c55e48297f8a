%% rand: seeded draws from OTP's default generator (exsss), mostly
%% uniform/1 on small ranges as Enum.random and shuffles make them, through
%% the process dictionary and with explicit states, plus floats, normals
%% and a range above 2^58.
-module(bench_rand).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(10, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() ->
    _ = rand:seed(exsss, {1, 2, 3}),
    A = dict_ints(40000, 0),
    {B, S1} = state_ints(40000, rand:seed_s(exsss, 42), 0),
    {C, S2} = floats(10000, S1, 0.0),
    {D, S3} = normals(5000, S2, 0.0),
    {E, _} = bigs(2000, S3, 0),
    (A + B + E + trunc(C) + trunc(D * 1000)) rem 1000000007.

dict_ints(0, Acc) -> Acc;
dict_ints(K, Acc) -> dict_ints(K - 1, Acc + rand:uniform(1000)).

state_ints(0, S, Acc) -> {Acc, S};
state_ints(K, S0, Acc) ->
    {X, S} = rand:uniform_s(K, S0),
    state_ints(K - 1, S, Acc + X).

floats(0, S, Acc) -> {Acc, S};
floats(K, S0, Acc) ->
    {X, S} = rand:uniform_s(S0),
    floats(K - 1, S, Acc + X).

normals(0, S, Acc) -> {Acc, S};
normals(K, S0, Acc) ->
    {X, S} = rand:normal_s(S0),
    normals(K - 1, S, Acc + X).

bigs(0, S, Acc) -> {Acc, S};
bigs(K, S0, Acc) ->
    {X, S} = rand:uniform_s(1 bsl 70, S0),
    bigs(K - 1, S, (Acc + X) rem 1000000007).
