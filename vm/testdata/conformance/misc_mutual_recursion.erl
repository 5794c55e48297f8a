%% Mutual recursion: even/odd, a tokenizer state machine, and deep alternating calls.
-module(misc_mutual_recursion).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

is_even(0) -> true;
is_even(N) -> is_odd(N - 1).
is_odd(0) -> false;
is_odd(N) -> is_even(N - 1).

%% states: outside a word / inside a word
outside([], N) -> N;
outside([$\s | T], N) -> outside(T, N);
outside([_ | T], N) -> inside(T, N + 1).
inside([], N) -> N;
inside([$\s | T], N) -> outside(T, N);
inside([_ | T], N) -> inside(T, N).

ping(0, Log) -> Log;
ping(N, Log) -> pong(N - 1, [ping | Log]).
pong(0, Log) -> Log;
pong(N, Log) -> ping(N - 1, [pong | Log]).

depth_a(0) -> 0;
depth_a(N) -> 1 + depth_b(N - 1).
depth_b(0) -> 0;
depth_b(N) -> 2 + depth_a(N - 1).

start() ->
    [{even_odd, is_even(100000), is_odd(100001), is_even(7)},
     {words, outside("  the quick   brown fox ", 0), outside("", 0)},
     {ping, ping(5, [])},
     {depth, depth_a(100000)}].
