%% Spawns N processes, has each answer a ping so that all of them have run
%% and wait in receive, then returns the memory in use while they wait; the
%% Go benchmark turns that into bytes per process.
-module(bench_idle).
-export([spawn_idle/1]).

spawn_idle(N) ->
    Pids = spawn_all(N, []),
    Me = self(),
    [P ! {ping, Me} || P <- Pids],
    pongs(N),
    erlang:memory(total).

spawn_all(0, Acc) -> Acc;
spawn_all(N, Acc) ->
    P = spawn(fun() -> receive {ping, From} -> From ! pong, receive stop -> ok end end end),
    spawn_all(N - 1, [P | Acc]).

pongs(0) -> ok;
pongs(N) -> receive pong -> pongs(N - 1) end.
