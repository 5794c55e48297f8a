%% Lambdas (FunT, make_fun3, call_fun2), list comprehensions and
%% external funs.
-module(funs).
-export([adder/1, apply_twice/2, squares/1, rev/0, sum/1]).

adder(N) ->
    fun(X) -> X + N end.

apply_twice(F, X) ->
    F(F(X)).

squares(L) ->
    [X * X || X <- L, X > 0].

rev() ->
    fun lists:reverse/1.

sum(L) ->
    lists:foldl(fun(X, Acc) -> X + Acc end, 0, L).
