%% Built-in runtime errors caught with try: badmatch, case_clause, if_clause, function_clause, badarith, ...
-module(try_errors_builtin).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

e(F) -> try F() of V -> {no_error, V} catch C:R -> {C, R} end.

cc(X) -> case X of a -> 1; b -> 2 end.
ic(X) -> if X > 10 -> big; X < 0 -> neg end.
fc(1) -> one.
bm(X) -> {ok, V} = X, V.
ar(X) -> X + 1.
dv(X) -> 10 div X.
rm(X) -> X rem 0.

start() ->
    [{case_clause, e(fun() -> cc(c) end)},
     {if_clause, e(fun() -> ic(5) end)},
     {function_clause, e(fun() -> fc(2) end)},
     {badmatch, e(fun() -> bm({error, x}) end)},
     {badarith, e(fun() -> ar(atom) end)},
     {div0, e(fun() -> dv(0) end)},
     {rem0, e(fun() -> rm(5) end)},
     {badarg, e(fun() -> list_to_atom(id(42)) end)},
     {undef, e(fun() -> (id(try_errors_builtin)):no_fun() end)},
     {noproc_like, e(fun() -> exit(noproc) end)},
     {nocatch_like, e(fun() -> throw({nocatch, x}) end)},
     {system_limit, e(fun() -> list_to_atom(dup(300)) end)}].

id(X) -> X.
dup(0) -> [];
dup(N) -> [$a | dup(N - 1)].
