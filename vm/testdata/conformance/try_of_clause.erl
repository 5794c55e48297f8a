%% try ... of ... catch: of-clauses, try_clause errors, exceptions in of-clauses not caught.
-module(try_of_clause).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

classify(F) ->
    try F() of
        {ok, V} -> {value, V};
        N when is_integer(N), N > 0 -> positive;
        0 -> throw(zero_in_of)
    catch
        throw:zero_in_of -> never_here;
        throw:T -> {thrown, T};
        error:R -> {error, R}
    end.

outer(F) ->
    try classify(F)
    catch
        C:R -> {outer, C, R}
    end.

start() ->
    [{ok, outer(fun() -> {ok, 1} end)},
     {pos, outer(fun() -> 7 end)},
     {zero, outer(fun() -> 0 end)},
     {try_clause, outer(fun() -> -1 end)},
     {try_clause_atom, outer(fun() -> other end)},
     {thrown, outer(fun() -> throw(boom) end)},
     {err, outer(fun() -> 1 / zero() end)},
     {exit, outer(fun() -> exit(bye) end)}].

zero() -> 0.
