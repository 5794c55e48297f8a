%% The / operator always returns a float, for all operand types.
-module(arith_fdiv).
-export([start/0]).

start() ->
    Ps = [{6, 3}, {1, 4}, {-1, 4}, {7, -2}, {0, 5}, {1 bsl 80, 1 bsl 78},
          {1 bsl 64, 3}, {1.0, 8}, {1, 8.0}, {-(1 bsl 70), 1 bsl 70},
          {1, 1 bsl 100}, {10, 4}, {1, 7}, {-22, 7.0}],
    [{A, B, A / B} || {A, B} <- id(Ps)] ++
    [{exact, id(10) / 4 =:= 2.5}].

id(X) -> X.
