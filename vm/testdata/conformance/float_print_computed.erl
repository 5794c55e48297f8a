%% Floats produced at run time (arithmetic, conversion) returned as data.
-module(float_print_computed).
-export([start/0]).

pw(_, 0) -> 1.0;
pw(X, N) -> X * pw(X, N - 1).

start() ->
    [{pow10, [pw(10.0, N) || N <- [1, 5, 15, 16, 17, 20, 22, 23]]},
     {pow_tenth, [pw(0.1, N) || N <- [1, 2, 3, 5, 10]]},
     {halves, [pw(0.5, N) || N <- [1, 10, 50, 100, 1074]]},
     {ints, [float(I) || I <- [7, 1 bsl 53, 1 bsl 62, 999999999999999999]]},
     {quot, [id(1) / D || D <- [3, 7, 9, 11, 81, 1000]]},
     {neg, [-X || X <- [0.25, 1.0e-5, 1.0e50]]}].

id(X) -> X.
