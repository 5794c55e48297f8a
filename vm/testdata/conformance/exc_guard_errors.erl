%% Exceptions inside guards make the guard fail silently.
-module(exc_guard_errors).
-export([start/0]).

g(X) when X + 1 > 0 -> arith;
g(X) when hd(X) =:= a -> head_a;
g(X) when element(2, X) =:= b -> elem_b;
g(X) when length(X) >= 0 -> list;
g(X) when map_get(k, X) =:= 1 -> map_k1;
g(_) -> fallback.

h(X) when (X / 0) > 1; true -> second_alt;
h(_) -> never.

k(X) when not (X > 1 andalso element(1, X)) -> k1;
k(_) -> k2.

start() ->
    [{g, [g(V) || V <- [1, [a], {a, b}, [1 | 2], [b], #{k => 1}, #{}, x]]},
     {h, h(1)},
     {k, [k(V) || V <- [0, 5, {false}, {x}]]},
     {if_guard, [if is_integer(V), V div 0 > 0 -> bad; true -> ok end || V <- [1, a]]},
     {case_guard, [case V of _ when tuple_size(V) > 1 -> t; _ -> f end || V <- [{1, 2}, [1], 3]]}].
