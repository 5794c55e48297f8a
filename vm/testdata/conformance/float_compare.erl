%% Float comparisons with each other, with ints and with other types.
-module(float_compare).
-export([start/0]).

start() ->
    P = [{0.1, 0.2}, {1.0, 1}, {1.5, 1}, {-1.5, -1}, {1.0e300, 1 bsl 997},
         {1.0e-300, 0}, {2.0, a}, {3.0, {}}, {9007199254740992.0, 9007199254740993},
         {9007199254740992.0, 9007199254740992}, {-1.0e20, -(1 bsl 67)}],
    [{A, B, A < B, A > B, A == B, A =:= B, A =< B, A >= B} || {A, B} <- id(P)].

id(X) -> X.
