%% Comparison operators used in guards over mixed-type arguments.
-module(cmp_guards).
-export([start/0]).

c(X, Y) when X =:= Y -> exact;
c(X, Y) when X == Y -> equal;
c(X, Y) when X < Y -> less;
c(_, _) -> greater.

r(X) when X >= 10, X =< 20 -> in;
r(X) when X > 20; X < 0 -> out;
r(_) -> low.

start() ->
    Ps = [{1, 1}, {1, 1.0}, {1, 2}, {b, a}, {[], {}}, {"a", <<"a">>},
          {{1, 2}, {1, 2.0}}, {#{}, []}, {1 bsl 65, 1.0e20}],
    [{c, [c(A, B) || {A, B} <- Ps]},
     {r, [r(X) || X <- [5, 10, 15.5, 20, 20.5, -1, a, "x", 1 bsl 70]]}].
