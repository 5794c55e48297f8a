%% rand: seeded sequences of every algorithm (OTP's default exsss, exsp,
%% exrop, exro928ss, exs1024s and the legacy exsplus, exs1024, exs64) must be
%% OTP's bit for bit: integer and 3-tuple seeds, floats, ranges around the
%% 58/64-bit word size and bignum ranges, uniform_real, bytes, jumps, the
%% normal distribution (floats compared exactly), the process-dictionary
%% API, export/restore round trips and the errors of bad arguments.
-module(stdlib_rand).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

algs() -> [exsss, exsp, exrop, exro928ss, exs1024s, exsplus, exs1024, exs64].

draw(F, S, N) -> lists:mapfoldl(fun(_, X) -> F(X) end, S, lists:seq(1, N)).

sequence(Alg, Seed) ->
    S0 = rand:seed_s(Alg, Seed),
    {Fs, S1} = draw(fun rand:uniform_s/1, S0, 6),
    {Is, S2} = draw(fun(X) -> rand:uniform_s(1000, X) end, S1, 6),
    {Alg, Seed, rand:export_seed_s(S0), Fs, Is, rand:export_seed_s(S2)}.

ranges(Alg) ->
    Ns = [1, 2, 6, 1 bsl 32, (1 bsl 57) + 1, (1 bsl 58) - 1, 1 bsl 58, (1 bsl 58) + 1,
          (1 bsl 63) + 5, 1 bsl 64, (1 bsl 64) + 1, 1000000000000000000000000000007, 1 bsl 100],
    {Rs, S} = lists:mapfoldl(fun(N, S0) -> draw(fun(X) -> rand:uniform_s(N, X) end, S0, 4) end,
                             rand:seed_s(Alg, 7), Ns),
    {Alg, Rs, rand:export_seed_s(S)}.

reals(Alg) ->
    {Rs, S} = draw(fun rand:uniform_real_s/1, rand:seed_s(Alg, {4, 5, 6}), 12),
    {Alg, Rs, rand:export_seed_s(S)}.

bytes(Alg) ->
    {Bs, S} = lists:mapfoldl(fun rand:bytes_s/2, rand:seed_s(Alg, 11), [0, 1, 6, 7, 8, 13, 20]),
    {Alg, Bs, rand:export_seed_s(S)}.

jumps(Alg) ->
    S0 = rand:seed_s(Alg, 5),
    %% Two draws first, so a ring state is mid-rotation.
    {_, S1} = draw(fun rand:uniform_s/1, S0, 2),
    {Alg, t(fun() -> rand:export_seed_s(rand:jump(S0)) end),
     t(fun() -> rand:export_seed_s(rand:jump(S1)) end)}.

normals(Alg) ->
    {Xs, S1} = draw(fun rand:normal_s/1, rand:seed_s(Alg, {1, 2, 3}), 10),
    {Ys, S2} = draw(fun(X) -> rand:normal_s(10, 2.5, X) end, S1, 4),
    %% 5000 draws reach the tail and the wedges; keep the extreme ones.
    {Zs, S3} = draw(fun rand:normal_s/1, S2, 5000),
    {Alg, Xs, Ys, [Z || Z <- Zs, abs(Z) > 3.0], rand:export_seed_s(S3)}.

dictionary() ->
    Seeded = rand:export_seed_s(rand:seed(exsss, {1, 2, 3})),
    A = [rand:uniform() || _ <- lists:seq(1, 3)],
    B = [rand:uniform(100) || _ <- lists:seq(1, 5)],
    Mid = rand:export_seed(),
    C = {rand:uniform_real(), rand:bytes(5), rand:normal(), rand:normal(1, 4)},
    Jumped = rand:export_seed_s(rand:jump()),
    D = rand:uniform(1 bsl 80),
    _ = rand:seed(Mid),
    Again = {rand:uniform_real(), rand:bytes(5), rand:normal(), rand:normal(1, 4)},
    _ = rand:seed(exrop, 99),
    E = rand:uniform(10),
    {Seeded, A, B, Mid, C, Jumped, D, Again =:= C, rand:export_seed(), E}.

roundtrip(Alg) ->
    {_, S} = draw(fun rand:uniform_s/1, rand:seed_s(Alg, 3), 3),
    Restored = rand:seed_s(rand:export_seed_s(S)),
    {Alg, element(1, draw(fun rand:uniform_s/1, S, 3)) =:= element(1, draw(fun rand:uniform_s/1, Restored, 3))}.

%% A fresh process: no state until the first use, which seeds it.
unseeded() ->
    Parent = self(),
    Pid = spawn(fun() ->
                        Before = rand:export_seed(),
                        X = rand:uniform(10),
                        {Alg, _} = rand:export_seed(),
                        Parent ! {self(), Before, X >= 1 andalso X =< 10, Alg}
                end),
    receive {Pid, Before, InRange, Alg} -> {Before, InRange, Alg} end.

%% (A variance of 0 is left out: OTP 27 accepts it, OTP 25 does not.)
errors() ->
    S = rand:seed_s(exsss, 1),
    [t(fun() -> rand:seed_s(id(foo), 1) end),
     t(fun() -> rand:seed_s(exsss, id(foo)) end),
     t(fun() -> rand:seed_s(exsss, id({1, 2})) end),
     t(fun() -> rand:seed_s(exsss, id(1.5)) end),
     t(fun() -> rand:seed(id(foo)) end),
     t(fun() -> rand:uniform_s(id(0), S) end),
     t(fun() -> rand:uniform_s(id(-3), S) end),
     t(fun() -> rand:uniform_s(id(2.0), S) end),
     t(fun() -> rand:bytes_s(id(-1), S) end),
     t(fun() -> rand:normal_s(0, id(-1.0), S) end),
     t(fun() -> rand:export_seed_s(id(foo)) end),
     t(fun() -> rand:jump(rand:seed_s(exs64, 1)) end),
     t(fun() -> rand:uniform(id(0)) end)].

start() ->
    [{sequences, [sequence(A, Seed) || A <- algs(), Seed <- [{1, 2, 3}, 42, 0, -7, 1 bsl 70]]},
     {ranges, [ranges(A) || A <- algs()]},
     {reals, [reals(A) || A <- algs()]},
     {bytes, [bytes(A) || A <- algs()]},
     {jumps, [jumps(A) || A <- algs()]},
     {normals, [normals(A) || A <- [exsss, exrop, exs1024s, exs64]]},
     {dictionary, dictionary()},
     {roundtrip, [roundtrip(A) || A <- algs()]},
     {unseeded, unseeded()},
     {errors, errors()}].
