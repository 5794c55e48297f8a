%% Stacktraces for failures via ?MODULE:f remote calls and inside BIFs.
-module(exc_stacktrace_external).
-export([start/0, remote_fail/1, remote_ok/1]).

line(Loc) -> case [L || {line, L} <- Loc] of [L] -> L; [] -> none end.

frame({M, F, A, Loc}) when is_list(A) -> {M, F, {args, A}, line(Loc)};
frame({M, F, A, Loc}) -> {M, F, A, line(Loc)}.

top2(F) ->
    try F() catch C:R:St -> {C, R, [frame(Fr) || Fr <- first(2, St)]} end.

first(0, _) -> [];
first(_, []) -> [];
first(N, [H | T]) -> [H | first(N - 1, T)].

remote_fail(X) ->
    atom_to_list(X).

remote_ok(X) -> X.

bif_caller(X) ->
    Y = element(X, {a}),
    Y.

arith_caller(X) ->
    X + 1.

start() ->
    [{remote_bif, top2(fun() -> ?MODULE:remote_fail(id(123)) end)},
     {element, top2(fun() -> bif_caller(id(7)) end)},
     {arith, top2(fun() -> arith_caller(id(x)) end)},
     {remote_ok, ?MODULE:remote_ok(ok)},
     {erlang_call, top2(fun() -> erlang:list_to_integer(id("zz")) end) =/= none}].

id(X) -> X.
