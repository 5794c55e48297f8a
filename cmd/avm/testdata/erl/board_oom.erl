%% A process that keeps more than the device's free heap dies with
%% out_of_memory; the app goes on.
-module(board_oom).
-export([start/0]).

start() ->
    {Pid, Ref} = spawn_monitor(fun() -> hoard(0, []) end),
    receive
        {'DOWN', Ref, process, Pid, Reason} -> erlang:display({hoarder_died, Reason})
    end,
    ok.

%% 100,000 tuples of 3 elements: about 1.6 MB of 32-bit words.
hoard(100000, Acc) -> length(Acc);
hoard(N, Acc) -> hoard(N + 1, [{N, N, N} | Acc]).
