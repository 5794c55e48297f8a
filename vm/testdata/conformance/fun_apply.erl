%% apply/2 and apply/3 with funs, dynamic module/function atoms, and arg lists.
-module(fun_apply).
-export([start/0, f0/0, f1/1, f3/3]).

f0() -> zero.
f1(X) -> {one, X}.
f3(A, B, C) -> A * B + C.

call(M, F, A) -> apply(M, F, A).
call_tail(M, F, A) -> erlang:apply(M, F, A).
call_fun(F, A) -> apply(F, A).

start() ->
    Mod = fun_apply,
    [{apply3, call(Mod, f0, []), call(Mod, f1, [x]), call(Mod, f3, [2, 3, 4])},
     {apply_tail, call_tail(Mod, f1, [y])},
     {erlang_bifs, call(erlang, '+', [1, 2]), call(erlang, element, [1, {q}]),
      call(erlang, list_to_atom, ["dyn"])},
     {apply2, call_fun(fun(A, B) -> A - B end, [10, 4]), call_fun(fun() -> n end, [])},
     {direct_var, Mod:f1(z), (list_to_atom("fun_apply")):f0()},
     {undef, try call(Mod, nope, []) catch error:undef -> undef end},
     {undef_mod, try call(no_such_module_xyz, f, [1]) catch error:undef -> undef end},
     {badarg_args, try call(Mod, f1, notalist) catch error:R -> R end},
     {improper_args, try call(Mod, f1, [a | b]) catch error:R2 -> R2 end},
     {badarg_mod, try call(42, f, []) catch error:R3 -> R3 end}].
