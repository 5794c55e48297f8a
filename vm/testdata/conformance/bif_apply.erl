%% apply/2,3 with funs, local/external functions, BIFs and error cases.
-module(bif_apply).
-export([start/0, add/2, zero/0]).

add(A, B) -> A + B.
zero() -> 0.

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    M = id(?MODULE), Add = id(add),
    [{apply3, apply(M, add, [1, 2]), apply(?MODULE, zero, []), apply(M, Add, [10, -3])},
     {apply2_fun, apply(fun(X) -> X * 2 end, [21]), apply(fun ?MODULE:add/2, [1, 1])},
     {apply2_tuple_fun, apply(fun erlang:'+'/2, [2, 3])},
     {bif, apply(erlang, '+', [1, 2]), apply(erlang, atom_to_list, [abc]),
      apply(erlang, element, [2, {a, b}])},
     {dyn_call, M:add(5, 5), M:zero()},
     {undef_fun, t(fun() -> apply(M, id(nope), [1]) end)},
     {undef_arity, t(fun() -> apply(M, add, id([1])) end)},
     {undef_mod, t(fun() -> apply(id(no_such_module_xyz), f, []) end)},
     {bad_args, t(fun() -> apply(M, add, id([1 | 2])) end)},
     {bad_mod, t(fun() -> apply(id(1), f, []) end)},
     {bad_fun_name, t(fun() -> apply(M, id("add"), [1, 2]) end)},
     {badarity, badarity_shape(t(fun() -> apply(fun(X) -> X end, id([1, 2])) end))},
     {badfun, t(fun() -> apply(id(not_a_fun), [1]) end)},
     {badarg_inside, t(fun() -> apply(erlang, atom_to_list, [id("x")]) end)}].

badarity_shape({error, {badarity, {F, Args}}}) when is_function(F, 1) -> {badarity, Args};
badarity_shape(Other) -> {unexpected, Other}.

id(X) -> X.
