%% Issue #3's collector: 100,000 processes each send one message to one
%% collector, which sums them. Spawning, short-lived processes and one busy
%% mailbox.
-module(bench_collect100k).
-export([start/0]).

start() ->
    Me = self(),
    N = 100000,
    spawn_all(Me, N),
    collect(N, 0).

spawn_all(_, 0) -> ok;
spawn_all(Me, K) ->
    spawn(fun() -> Me ! {done, K} end),
    spawn_all(Me, K - 1).

collect(0, Sum) -> Sum;
collect(K, Sum) ->
    receive {done, V} -> collect(K - 1, Sum + V) end.
