%% A small interpreter: a stack machine whose program is a tuple of
%% instruction tuples, dispatched by pattern matching. The program computes
%% the sum of I * I mod 7 for I below a bound.
-module(bench_interp).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(120, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() -> exec(program(5000), 1, [], #{i => 0, acc => 0}).

%% Variables live in a map; the operand stack is a list.
program(Limit) ->
    {{load, i}, {push, Limit}, {jump_if_ge, 17},
     {load, i}, {load, i}, mul, {push, 7}, 'rem',
     {load, acc}, add, {store, acc},
     {load, i}, {push, 1}, add, {store, i},
     {jump, 1},
     {load, acc}, halt}.

exec(Prog, PC, Stack, Vars) ->
    case {element(PC, Prog), Stack} of
        {{push, N}, _} -> exec(Prog, PC + 1, [N | Stack], Vars);
        {{load, V}, _} -> exec(Prog, PC + 1, [map_get(V, Vars) | Stack], Vars);
        {{store, V}, [X | S]} -> exec(Prog, PC + 1, S, Vars#{V := X});
        {add, [B, A | S]} -> exec(Prog, PC + 1, [A + B | S], Vars);
        {mul, [B, A | S]} -> exec(Prog, PC + 1, [A * B | S], Vars);
        {'rem', [B, A | S]} -> exec(Prog, PC + 1, [A rem B | S], Vars);
        {{jump, T}, _} -> exec(Prog, T, Stack, Vars);
        {{jump_if_ge, T}, [B, A | S]} when A >= B -> exec(Prog, T, S, Vars);
        {{jump_if_ge, _}, [_, _ | S]} -> exec(Prog, PC + 1, S, Vars);
        {halt, [Top | _]} -> Top
    end.
