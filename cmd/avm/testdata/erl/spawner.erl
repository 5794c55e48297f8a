%% Spawns a worker that crashes and one that answers: the crash report of
%% the worker goes to stderr and does not affect start/0's result.
-module(spawner).
-export([start/0]).

start() ->
    {Bad, BadRef} = spawn_monitor(fun() -> erlang:error({worker_failed, 42}) end),
    receive {'DOWN', BadRef, process, Bad, _} -> ok end,
    Me = self(),
    spawn(fun() -> Me ! {pong, self()} end),
    receive {pong, _} -> ok after 1000 -> timeout end.
