%% Tuple ordering (size first, then elements) and sorting tuples as keys.
-module(tuple_compare_sort).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

isort(L) -> isort(L, []).
isort([], A) -> A;
isort([H | T], A) -> isort(T, ins(H, A)).
ins(X, [H | T]) when X > H -> [H | ins(X, T)];
ins(X, L) -> [X | L].

keyfind(_, []) -> false;
keyfind(K, [T | _]) when element(1, T) == K -> T;
keyfind(K, [_ | R]) -> keyfind(K, R).

start() ->
    Ts = [{b, 2}, {a, 3}, {a}, {c, 1, 0}, {a, 2}, {}, {1, x}, {1.0, y}],
    [{sorted, isort(Ts)},
     {cmp, {a, b} < {a, b, c}, {z} < {a, a}, {1, 2} < {1, 2.5}, {2, a} > {1, z}},
     {eq, {1, 2} == {1.0, 2.0}, {1, 2} =:= {1.0, 2.0}, {} == {}},
     {keyfind, keyfind(a, Ts), keyfind(1, Ts), keyfind(zz, Ts)},
     {minmax, max({1, 2}, {1, 3}), min({b}, {a, a})}].
