%% erlang:raise/3 rethrowing with each class, and invalid raise arguments.
-module(exc_raise).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

rethrow(F) ->
    try F() catch C:R:St -> erlang:raise(C, R, St) end.

fail(X) -> error({fail, X}).

start() ->
    [{raise_error, t(fun() -> erlang:raise(error, r1, []) end)},
     {raise_exit, t(fun() -> erlang:raise(exit, r2, []) end)},
     {raise_throw, t(fun() -> erlang:raise(throw, r3, []) end)},
     {rethrow_error, t(fun() -> rethrow(fun() -> fail(1) end) end)},
     {rethrow_throw, t(fun() -> rethrow(fun() -> throw(t) end) end)},
     {rethrow_stack, try rethrow(fun() -> fail(2) end)
                     catch error:_:St -> [{M, F, A, _} | _] = St, {M, F, A} end},
     {custom_stack, try erlang:raise(error, x, [{m, f, 1, []}])
                    catch error:x:St2 -> St2 end},
     {bad_class, t(fun() -> erlang:raise(id(oops), r, []) end)},
     {bad_stack, t(fun() -> erlang:raise(error, r, id(not_a_list)) end)}].

id(X) -> X.
