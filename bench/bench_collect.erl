%% 10,000 processes each send one message to a collector: spawning,
%% short-lived processes and a busy mailbox.
-module(bench_collect).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(70, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() ->
    Me = self(),
    N = 10000,
    spawn_all(Me, N),
    collect(N, 0).

spawn_all(_, 0) -> ok;
spawn_all(Me, K) ->
    spawn(fun() -> Me ! {done, K} end),
    spawn_all(Me, K - 1).

collect(0, Sum) -> Sum;
collect(K, Sum) ->
    receive {done, V} -> collect(K - 1, Sum + V) end.
