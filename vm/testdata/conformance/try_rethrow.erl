%% Rethrowing with erlang:raise/3 and re-raising from catch clauses; class preserved.
-module(try_rethrow).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

rethrow(F) ->
    try F()
    catch
        Class:Reason:Stack ->
            put(seen, [{Class, Reason} | seen()]),
            erlang:raise(Class, Reason, Stack)
    end.

seen() -> case get(seen) of undefined -> []; L -> L end.

wrap(F) ->
    try F()
    catch
        error:R -> error({wrapped, R});
        throw:T -> throw({wrapped, T})
    end.

outer(F) -> try F() catch C:R -> {C, R} end.

%% An invalid class makes erlang:raise/3 return the atom badarg instead of raising.
bad_raise() -> erlang:raise(foo, reason, []).

stack_is_list() ->
    try error(x) catch error:x:S -> is_list(S) end.

start() ->
    erase(seen),
    R1 = outer(fun() -> rethrow(fun() -> throw(a) end) end),
    R2 = outer(fun() -> rethrow(fun() -> error(b) end) end),
    R3 = outer(fun() -> rethrow(fun() -> exit(c) end) end),
    R4 = outer(fun() -> rethrow(fun() -> ok end) end),
    [{rethrow, R1, R2, R3, R4},
     {seen, seen()},
     {wrap, outer(fun() -> wrap(fun() -> error(inner) end) end),
      outer(fun() -> wrap(fun() -> throw(inner) end) end),
      outer(fun() -> wrap(fun() -> exit(inner) end) end)},
     {bad_raise, outer(fun bad_raise/0)},
     {stack_is_list, stack_is_list()}].
