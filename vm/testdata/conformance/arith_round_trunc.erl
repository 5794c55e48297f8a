%% trunc/round/floor/ceil of floats and ints, including negative halves.
-module(arith_round_trunc).
-export([start/0]).

start() ->
    Fs = [0.0, 0.4, 0.5, 0.6, 1.5, 2.5, 3.5, -0.4, -0.5, -0.6, -1.5, -2.5, -3.5,
          2.9999, -2.9999, 1.0e15 + 0.5, 1.0e20, -1.0e20],
    [{trunc, [trunc(F) || F <- Fs]},
     {round, [round(F) || F <- Fs]},
     {floor, [floor(F) || F <- Fs]},
     {ceil, [ceil(F) || F <- Fs]},
     {ints, [{trunc(I), round(I), floor(I), ceil(I)} || I <- [7, -7, 1 bsl 70]]},
     {big, round(1.0e30), trunc(-1.0e25)},
     {err, try round(id(a)) catch C:R -> {C, R} end},
     {err2, try trunc(id("1")) catch C2:R2 -> {C2, R2} end}].

id(X) -> X.
