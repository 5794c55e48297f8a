%% Stacktraces (module, function, arity/args, line) for failures in local functions.
-module(exc_stacktrace_local).
-export([start/0, id/1]).

line(Loc) -> case [L || {line, L} <- Loc] of [L] -> L; [] -> none end.
file(Loc) -> case [F || {file, F} <- Loc] of [F] -> F; [] -> none end.

frames(St) -> [{M, F, arity(A), line(Loc)} || {M, F, A, Loc} <- St, M =:= ?MODULE].
arity(A) when is_list(A) -> {args, A};
arity(A) -> A.

run(F) -> try F() catch C:R:St -> {C, R, frames(St)} end.

level1(X) -> level2(X) + 1.
level2(X) ->
    Y = X * 2,
    level3(Y).
level3(Y) ->
    {ok, Z} = ?MODULE:id({error, Y}),
    Z.

clause(1) -> one.

guarded(X) when is_atom(X) -> X.

thrower() ->
    throw(up).

start() ->
    [{badmatch, run(fun() -> level1(5) end)},
     {function_clause, run(fun() -> clause(id(2)) end)},
     {guard_clause, run(fun() -> guarded(id(3)) end)},
     {throw, run(fun() -> thrower() end)},
     {file, try level3(1) catch _:_:St -> [{_, _, _, Loc} | _] = St, file(Loc) end}].

id(X) -> X.
