%% Tuple construction and pattern matching on tagged tuples.
-module(bench_tuples).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(250, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() -> loop(20000, {0, 0}).

loop(0, {X, Y}) -> X + Y;
loop(N, Acc) -> loop(N - 1, step(shape(N rem 4, N), Acc)).

shape(0, N) -> {point, N, N};
shape(1, N) -> {circle, {N, N}, 3};
shape(2, N) -> {rect, {0, 0}, {N, 2}};
shape(_, N) -> {line, N}.

step({point, X, Y}, {A, B}) -> {A + X, B + Y};
step({circle, {X, _}, R}, {A, B}) -> {A + X, B + R};
step({rect, {X0, _}, {X1, Y1}}, {A, B}) -> {A + X1 - X0, B + Y1};
step({line, L}, {A, B}) -> {A + L, B}.
