%% Ordering of numbers: small ints, bignums and floats sorted together.
-module(cmp_numbers_mixed).
-export([start/0]).

isort([]) -> [];
isort([H | T]) -> ins(H, isort(T)).

ins(X, []) -> [X];
ins(X, [Y | T]) when X =< Y -> [X, Y | T];
ins(X, [Y | T]) -> [Y | ins(X, T)].

start() ->
    L = [3, -2.5, 1 bsl 64, 1.0e19, -(1 bsl 64), -1.0e19, 0, 0.5, 1 bsl 59,
         5.764607523034235e17, 7, 7.0, -7, 1.0e300, -1.0e300, 1 bsl 1000],
    S = isort(id(L)),
    [{sorted, S},
     {strict_pairs, pairs(S)}].

pairs([A, B | T]) -> [{A < B, A == B} | pairs([B | T])];
pairs(_) -> [].

id(X) -> X.
