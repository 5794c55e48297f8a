%% undef for missing functions/modules, with the top stack frame.
-module(exc_undef).
-export([start/0, exists/1]).

exists(X) -> X.

top(F) ->
    try F() catch error:undef:St -> [{M, Fn, A, _} | _] = St, {undef, M, Fn, A} end.

start() ->
    M = id(?MODULE), N = id(no_such_module_qq),
    [{missing_fun, top(fun() -> M:missing(1, 2) end)},
     {wrong_arity, top(fun() -> M:exists() end)},
     {private_fun, top(fun() -> M:top(x) end)},
     {missing_mod, top(fun() -> N:f(a) end)},
     {apply_missing, top(fun() -> apply(M, id(nope), []) end)},
     {apply_mod, top(fun() -> apply(N, g, [1, 2, 3]) end)},
     {erlang_missing, top(fun() -> erlang:no_such_bif_qq(id(1)) end)},
     {make_fun, top(fun() -> (erlang:make_fun(N, h, 0))() end)},
     {ok, M:exists(fine)}].

id(X) -> X.
