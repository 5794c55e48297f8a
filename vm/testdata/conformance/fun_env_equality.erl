%% Equality of funs: same code and same environment compare equal; env differs -> not.
-module(fun_env_equality).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

mk(X) -> fun() -> X end.
mk2(X, Y) -> fun(Z) -> X + Y + Z end.

start() ->
    A = mk(1),
    B = mk(1),
    C = mk(2),
    D = mk2(1, 2),
    [{same_env, A =:= B, A == B},
     {diff_env, A =:= C, A =/= C},
     {diff_code, A =:= D},
     {self, D =:= D},
     {in_list, [mk(1)] =:= [A], {mk2(1, 2)} == {D}},
     {values, A(), C(), D(3)},
     {is_fun_guard, [X || X <- [A, 1, D, mk(x), {fn}], is_function(X)] =:= [A, D, mk(x)]}].
