%% erlang:make_fun/3 creating external funs that are then called.
-module(bif_make_fun).
-export([start/0, double/1, pair/2]).

double(X) -> 2 * X.
pair(A, B) -> {A, B}.

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    D = erlang:make_fun(?MODULE, double, 1),
    P = erlang:make_fun(id(?MODULE), id(pair), id(2)),
    A = erlang:make_fun(erlang, abs, 1),
    U = erlang:make_fun(no_such_module_xyz, f, 0),
    [{calls, D(21), P(x, y), A(-5)},
     {is_fun, is_function(D, 1), is_function(P, 2), is_function(U, 0)},
     {same, D =:= fun ?MODULE:double/1, D == erlang:make_fun(?MODULE, double, 1)},
     {info, erlang:fun_info(D, module), erlang:fun_info(D, name),
      erlang:fun_info(D, arity), erlang:fun_info(D, type)},
     {undef, t(fun() -> U() end)},
     {badarity, t(fun() -> D(1, 2) end) =/= ok},
     {bad_args, t(fun() -> erlang:make_fun(id("m"), f, 0) end)},
     {neg_arity, t(fun() -> erlang:make_fun(?MODULE, f, id(-1)) end)},
     {apply, apply(D, [4]), apply(P, [1, 2])}].

id(X) -> X.
