%% min/2 and max/2 over values of different types follow the term order.
-module(cmp_min_max_types).
-export([start/0]).

start() ->
    Vs = [1, a, {1}, #{}, [], [1], <<>>, 2.0],
    [{X, Y, min(X, Y), max(X, Y)} || X <- id(Vs), Y <- id(Vs), X < Y].

id(X) -> X.
