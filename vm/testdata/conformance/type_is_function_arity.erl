%% is_function/1,2 with local, external and anonymous funs and bad arities.
-module(type_is_function_arity).
-export([start/0, ext/2]).

ext(A, B) -> {A, B}.

g(F, N) when is_function(F, N) -> yes;
g(_, _) -> no.

start() ->
    F0 = fun() -> 0 end, F2 = fun(A, B) -> A + B end,
    E2 = fun ?MODULE:ext/2, L1 = fun id/1, M = fun erlang:abs/1,
    Fs = [F0, F2, E2, L1, M],
    [{arity, [[is_function(F, N) || N <- [0, 1, 2, 3]] || F <- Fs]},
     {is_fun1, [is_function(F) || F <- Fs ++ [a, {fun_like}, []]]},
     {guard, [g(F, N) || F <- [F0, F2, x], N <- [0, 2, -1, a]]},
     {neg_arity, try is_function(F0, id(-1)) catch C:R -> {C, R} end},
     {atom_arity, try is_function(F0, id(a)) catch C2:R2 -> {C2, R2} end},
     {big_arity, is_function(F0, 256), is_function(F0, 255)},
     {non_fun_arity, is_function(id(a), 0)},
     {call, F2(1, 2), E2(x, y), L1(z), M(-3)}].

id(X) -> X.
