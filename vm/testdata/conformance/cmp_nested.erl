%% Deep structural equality and ordering of nested terms.
-module(cmp_nested).
-export([start/0]).

deep(0, X) -> X;
deep(N, X) -> [{N, deep(N - 1, X)}].

start() ->
    A = deep(50, leaf), B = deep(50, leaf), C = deep(50, leaf2), D = deep(50, 1),
    E = deep(50, 1.0),
    [{eq, A == B, A =:= B}, {neq, A == C, A < C, C > A},
     {int_float, D == E, D =:= E, D < E, D > E},
     {mixed, {[1, #{k => [2.0]}], <<3>>} == {[1.0, #{k => [2]}], <<3>>}},
     {mixed_exact, {[1, #{k => [2.0]}], <<3>>} =:= {[1.0, #{k => [2]}], <<3>>}},
     {map_val, #{a => {1}} == #{a => {1.0}}},
     {map_key_float, #{1 => a} == #{1.0 => a}},
     {list_tuple, [{a, 1}, {b, 2}] < [{a, 1}, {b, 3}]}].
