%% Issue #3's ring: 10,000 processes pass a token 1,000,000 hops (100 laps).
%% Measures message passing and context switches at a size where the run
%% queue and the mailboxes, not the caches, dominate.
-module(bench_ring10k).
-export([start/0]).

start() ->
    N = 10000,
    Hops = 1000000,
    First = self(),
    Last = build(N - 1, First),
    Last ! {token, Hops},
    forward(Last, 0).

%% build/2 spawns the ring back to front: each node forwards to Next.
build(0, Next) -> Next;
build(K, Next) -> build(K - 1, spawn(fun() -> relay(Next) end)).

%% The main process is a node too; it counts the laps it sees and, when the
%% token runs out, stops the ring and returns the count (Hops div N laps).
forward(Next, Laps) ->
    receive
        {token, 0} -> Next ! stop, Laps;
        {token, K} -> Next ! {token, K - 1}, forward(Next, Laps + 1)
    end.

relay(Next) ->
    receive
        {token, 0} = T -> Next ! T, relay(Next);
        {token, K} -> Next ! {token, K - 1}, relay(Next);
        stop -> Next ! stop
    end.
