%% Pattern aliases (P1 = P2), repeated variables, nested bindings in heads and matches.
-module(match_aliases).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

alias({a, _} = X) -> {whole, X};
alias([H | _] = L) -> {list, H, length(L)};
alias(X) -> {other, X}.

both(X = {Y, Z}) -> {X, Y, Z}.

same(X, X) -> same;
same(_, _) -> differ.

triple({X, X, X}) -> all_same;
triple({X, X, _}) -> first_two;
triple({X, _, X}) -> outer;
triple({_, X, X}) -> last_two;
triple(_) -> distinct.

deep({X, [X | _], #{k := X}}) -> deep_same;
deep(_) -> no.

start() ->
    A = {a, 1} = id({a, 1}),
    X = Y = id(42),
    {P, Q} = {R, S} = id({1, 2}),
    [{alias, [alias(T) || T <- [{a, 1}, {b, 1}, [x, y, z], []]]},
     {both, both({1, 2})},
     {chain, A, X, Y, P, Q, R, S},
     {same, same(1, 1), same(1, 1.0), same("a", "a"), same({x}, {y})},
     {triple, [triple(T) || T <- [{1, 1, 1}, {1, 1, 2}, {1, 2, 1}, {2, 1, 1}, {1, 2, 3}]]},
     {deep, deep({7, [7, 8], #{k => 7}}), deep({7, [7], #{k => 8}})},
     {badmatch_alias, try {b, _} = id({a, 1}) catch error:E -> E end}].

id(X) -> X.
