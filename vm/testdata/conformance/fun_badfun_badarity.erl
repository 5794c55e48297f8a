%% Calling non-funs (badfun) and funs with wrong arity (badarity); reason shapes.
-module(fun_badfun_badarity).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

call0(F) -> F().
call1(F, A) -> F(A).
call2(F, A, B) -> F(A, B).

reason(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:{badfun, X} -> {badfun, X};
        error:{badarity, {Fun, Args}} -> {badarity, is_function(Fun), Args};
        C:R -> {C, R}
    end.

start() ->
    Id = fun(X) -> X end,
    [{ok, reason(fun() -> call1(Id, 1) end)},
     {badfun_atom, reason(fun() -> call0(foo) end)},
     {badfun_int, reason(fun() -> call1(42, x) end)},
     {badfun_tuple, reason(fun() -> call2({m, f}, 1, 2) end)},
     {badfun_list, reason(fun() -> call0([]) end)},
     {badarity1, reason(fun() -> call0(Id) end)},
     {badarity2, reason(fun() -> call2(Id, a, b) end)},
     {badarity_ext, reason(fun() -> call0(fun erlang:abs/1) end)},
     {apply_badarity, reason(fun() -> apply(Id, [1, 2, 3]) end)},
     {apply_badfun, reason(fun() -> apply(notfun, []) end)}].
