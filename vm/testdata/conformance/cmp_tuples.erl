%% Tuple ordering: by size first, then element by element.
-module(cmp_tuples).
-export([start/0]).

start() ->
    Ps = [{{}, {a}}, {{z}, {a, a}}, {{1, 2}, {1, 3}}, {{2, 1}, {1, 2}},
          {{1, 2, 3}, {1, 2}}, {{a, b}, {a, b}}, {{1, 2.0}, {1, 2}},
          {{[]}, {{}}}, {{1 bsl 70}, {1.0e30}}, {{x, {y}}, {x, {y, z}}},
          {{<<1>>}, {[1]}}, {{a}, [a]}],
    [{A, B, A < B, A > B, A == B, A =:= B} || {A, B} <- id(Ps)].

id(X) -> X.
