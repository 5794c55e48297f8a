%% List comprehensions: filters, multiple generators, pattern generators, nesting.
-module(list_comprehension).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

pyth(N) ->
    [{A, B, C} || A <- seq(1, N), B <- seq(A, N), C <- seq(B, N), A * A + B * B =:= C * C].

start() ->
    L = seq(1, 10),
    [{squares, [X * X || X <- L]},
     {evens, [X || X <- L, X rem 2 =:= 0]},
     {two_filters, [X || X <- L, X > 3, X < 8]},
     {pairs, [{X, Y} || X <- [1, 2, 3], Y <- [a, b]]},
     {dependent, [{X, Y} || X <- seq(1, 4), Y <- seq(X, 4), X + Y =:= 5]},
     {pattern_gen, [V || {ok, V} <- [{ok, 1}, error, {ok, 2}, {err, 3}, {ok, 3}]]},
     {nested, [[Y * X || Y <- seq(1, X)] || X <- seq(1, 4)]},
     {qsort, qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])},
     {perms, perms([1, 2, 3])},
     {pyth, pyth(20)},
     {empty, [X || X <- [], X > 0]},
     {guard_bif, [X || X <- [1, a, 2.0, "s", {t}], is_number(X)]},
     {string_gen, [C - 32 || C <- "hello", C =/= $l]},
     {bin_gen, [B || <<B>> <= <<1, 2, 3>>]}].
