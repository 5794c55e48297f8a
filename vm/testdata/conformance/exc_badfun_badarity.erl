%% {badfun,F} for non-fun calls and {badarity,{F,Args}} (shape only).
-module(exc_badfun_badarity).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

shape({error, {badarity, {F, Args}}}) when is_function(F) ->
    {badarity, erlang:fun_info(F, arity), Args};
shape(Other) -> Other.

start() ->
    F1 = id(fun(X) -> X end),
    [{badfun_atom, t(fun() -> (id(foo))() end)},
     {badfun_int, t(fun() -> (id(42))(1) end)},
     {badfun_tuple, t(fun() -> (id({m, f}))(1) end)},
     {badfun_list, t(fun() -> (id([]))() end)},
     {badarity0, shape(t(fun() -> F1() end))},
     {badarity2, shape(t(fun() -> F1(1, 2) end))},
     {badarity_ext, shape(t(fun() -> (id(fun erlang:abs/1))(1, 2) end))},
     {ok_call, F1(ok)},
     {apply_badfun, t(fun() -> apply(id("f"), []) end)}].

id(X) -> X.
