%% error/1,2,3, exit/1, throw/1 reasons and classes as seen by try and catch.
-module(bif_error_exit_throw).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

args(F) ->
    try F() catch error:R:St -> [{M, Fn, A, _} | _] = St, {R, M, Fn, A} end.

raise_with_args(X, Y) -> erlang:error(bad, [X, Y]).

start() ->
    [{error1, t(fun() -> error(oops) end)},
     {error2, t(fun() -> error({my, reason}, [1, 2]) end)},
     {error2_args, args(fun() -> raise_with_args(a, b) end)},
     {error3, t(fun() -> error(x, none, [{error_info, #{}}]) end)},
     {exit1, t(fun() -> exit(bye) end)},
     {exit_normal, t(fun() -> exit(normal) end)},
     {throw1, t(fun() -> throw({ball, 1}) end)},
     {catch_error, strip(catch error(e1))},
     {catch_exit, catch exit(e2)},
     {catch_throw, catch throw(e3)},
     {catch_value, catch 42},
     {nested, t(fun() -> t(fun() -> throw(inner) end) end)},
     {reasons, [t(fun() -> error(R) end) || R <- [[], 1.5, <<"b">>, {a, [b]}]]}].

strip({'EXIT', {R, St}}) when is_list(St) -> {'EXIT', R};
strip(X) -> X.
