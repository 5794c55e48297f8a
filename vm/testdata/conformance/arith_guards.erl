%% Arithmetic in guards: failing arithmetic makes the guard false.
-module(arith_guards).
-export([start/0]).

g(X) when X + 1 > 5 -> big;
g(X) when X * 2 =:= 4 -> two;
g(_) -> other.

d(X, Y) when X div Y > 1 -> gt1;
d(_, _) -> no.

b(X) when X band 1 =:= 1 -> odd;
b(X) when is_integer(X) -> even;
b(_) -> nan.

s(X) when abs(X) > 10, X bsr 1 > 0 -> ok;
s(_) -> no.

start() ->
    [{g, [g(V) || V <- [10, 2, 2.0, a, [], 1.0e308]]},
     {d, [d(A, B) || {A, B} <- [{10, 2}, {1, 0}, {a, 1}, {5, 5}, {1.0, 1}]]},
     {b, [b(V) || V <- [1, 2, -3, 1 bsl 80, (1 bsl 80) + 1, 1.0, x]]},
     {s, [s(V) || V <- [20, -20, 5, 1 bsl 70, x]]}].
