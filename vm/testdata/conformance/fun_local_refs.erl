%% Local fun references (fun f/N) passed around, stored, compared, and called.
-module(fun_local_refs).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

inc(X) -> X + 1.
dec(X) -> X - 1.
sq(X) -> X * X.
pair(A, B) -> {A, B}.

pick(inc) -> fun inc/1;
pick(dec) -> fun dec/1;
pick(sq) -> fun sq/1.

run([], X) -> X;
run([F | Fs], X) -> run(Fs, F(X)).

start() ->
    Fs = [pick(N) || N <- [inc, sq, dec, sq]],
    P = fun pair/2,
    [{run, run(Fs, 3)},
     {same, fun inc/1 =:= pick(inc), fun inc/1 =:= fun dec/1, pick(sq) == pick(sq)},
     {pair, P(1, 2), apply(P, [x, y])},
     {arity, [element(2, erlang:fun_info(F, arity)) || F <- [P | Fs]]},
     {in_tuple, (element(1, {fun sq/1}))(12)},
     {lc, [F(10) || F <- [fun inc/1, fun dec/1, fun sq/1]]}].
