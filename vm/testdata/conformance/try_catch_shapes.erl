%% catch Expr results for throw/error/exit and the class:reason seen by try/catch.
-module(try_catch_shapes).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

c(F) ->
    case catch F() of
        {'EXIT', {Reason, Stack}} when is_list(Stack) -> {exit_tuple, Reason};
        {'EXIT', Reason} -> {exit_plain, Reason};
        Other -> {value, Other}
    end.

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        Class:Reason -> {Class, Reason}
    end.

start() ->
    Cases = [fun() -> fine end,
             fun() -> throw(x) end,
             fun() -> throw({'EXIT', fake}) end,
             fun() -> error(x) end,
             fun() -> error({complex, [1, 2]}) end,
             fun() -> exit(x) end,
             fun() -> exit({nested, x}) end,
             fun() -> erlang:error(badarg, [1]) end,
             fun() -> element(5, {}) end,
             fun() -> [] = [x] end,
             fun() -> atom_to_list(1) end],
    [{catch_, [c(F) || F <- Cases]},
     {try_, [t(F) || F <- Cases]},
     {catch_throw_lit, catch throw(lit)},
     {catch_value, catch 1 + 1}].
