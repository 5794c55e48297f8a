%% Higher-order local map/filter/foldl/foldr with funs passed as arguments.
-module(fun_higher_order).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

map(F, [H | T]) -> [F(H) | map(F, T)];
map(_, []) -> [].

filter(P, L) -> [X || X <- L, P(X)].

foldl(F, Acc, [H | T]) -> foldl(F, F(H, Acc), T);
foldl(_, Acc, []) -> Acc.

foldr(F, Acc, [H | T]) -> F(H, foldr(F, Acc, T));
foldr(_, Acc, []) -> Acc.

iterate(_, X, 0) -> X;
iterate(F, X, N) -> iterate(F, F(X), N - 1).

until(P, F, X) ->
    case P(X) of
        true -> X;
        false -> until(P, F, F(X))
    end.

flatmap(F, L) -> foldr(fun(X, A) -> F(X) ++ A end, [], L).

start() ->
    L = [1, 2, 3, 4, 5, 6],
    [{map, map(fun(X) -> X * X end, L)},
     {filter, filter(fun(X) -> X rem 3 =/= 0 end, L)},
     {foldl, foldl(fun(X, A) -> A * 10 + X end, 0, L)},
     {foldr, foldr(fun(X, A) -> A * 10 + X end, 0, L)},
     {iterate, iterate(fun(X) -> X * 2 end, 1, 64)},
     {until, until(fun(X) -> X > 1000 end, fun(X) -> X * 3 end, 1)},
     {flatmap, flatmap(fun(X) -> [X, -X] end, [1, 2, 3])},
     {map_of_map, map(fun(F) -> F(10) end, map(fun(N) -> fun(X) -> X + N end end, L))},
     {collatz, until(fun({N, _}) -> N =:= 1 end,
                     fun({N, S}) when N rem 2 =:= 0 -> {N div 2, S + 1};
                        ({N, S}) -> {3 * N + 1, S + 1} end, {27, 0})}].
