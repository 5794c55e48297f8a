%% A ring of 1000 processes passing a token 100 laps (100,000 hops):
%% message passing and context switches.
-module(bench_ring).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(20, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() ->
    N = 1000,
    First = self(),
    Last = lists_foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, First, N - 1),
    Last ! {token, 100 * N},
    wait(Last).

%% The main process is the ring's last node: it forwards until the count
%% reaches zero, then stops every node.
wait(Next) ->
    receive
        {token, 0} -> Next ! stop, ok;
        {token, K} -> Next ! {token, K - 1}, wait(Next)
    end.

relay(Next) ->
    receive
        {token, 0} = T -> Next ! T, relay(Next);
        {token, K} -> Next ! {token, K - 1}, relay(Next);
        stop -> Next ! stop
    end.

lists_foldl(_, Acc, 0) -> Acc;
lists_foldl(F, Acc, K) -> lists_foldl(F, F(K, Acc), K - 1).
