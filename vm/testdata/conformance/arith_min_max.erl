%% min/max with mixed integer, float and non-number types.
-module(arith_min_max).
-export([start/0]).

start() ->
    Ps = [{1, 2}, {-3, 3}, {1, 1.5}, {2, 1.5}, {a, 1},
          {[], {}}, {1 bsl 70, 1.0e20}, {-(1 bsl 70), -1.0e20}, {x, x},
          {<<>>, []}, {"a", a}, {{1, 2}, {2}}, {0, -0}],
    [{A, B, min(A, B), max(A, B)} || {A, B} <- id(Ps)] ++
    [{nested, max(max(id(3), 9), min(id(100), 50))}].

id(X) -> X.
