%% Argument permutations that force register swaps (swap/move cycles) in calls and returns.
-module(misc_swap_regs).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

swap2(A, B) -> rec2(B, A).
rec2(A, B) -> {A, B}.

rot3(A, B, C) -> rec3(C, A, B).
rec3(A, B, C) -> {A, B, C}.

rev4(A, B, C, D) -> rec4(D, C, B, A).
rec4(A, B, C, D) -> {A, B, C, D}.

loop(0, A, B) -> {A, B};
loop(N, A, B) -> loop(N - 1, B, A).

fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

swap_then_call(A, B) ->
    X = rec2(B, A),
    Y = rec2(A, B),
    {X, Y, A, B}.

start() ->
    [{swap2, swap2(1, 2)},
     {rot3, rot3(a, b, c)},
     {rev4, rev4(1, 2, 3, 4)},
     {loop_even, loop(10, x, y)},
     {loop_odd, loop(11, x, y)},
     {fib, fib(100, 0, 1)},
     {stc, swap_then_call(p, q)}].
