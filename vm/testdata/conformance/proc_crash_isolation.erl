%% A crashing process does not disturb unlinked ones: their state, mailboxes and replies go on.
-module(proc_crash_isolation).
-compile([export_all, nowarn_export_all]).

%% A counter server.
counter(N) ->
    receive
        {add, K} -> counter(N + K);
        {get, From} -> From ! {count, self(), N}, counter(N);
        crash -> exit({crashed_at, N})
    end.

get_count(P) ->
    P ! {get, self()},
    receive {count, P, N} -> N after 1000 -> timeout end.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    Ps = [spawn(?MODULE, counter, [I * 100]) || I <- [1, 2, 3, 4, 5]],
    [P ! {add, 1} || P <- Ps],
    [P1, P2, P3, P4, P5] = Ps,
    M2 = monitor(process, P2),
    M4 = monitor(process, P4),
    P2 ! {add, 5},
    P2 ! crash,
    P2 ! {add, 1000},                  % lost: P2 is gone
    P4 ! crash,
    D2 = receive {'DOWN', M2, process, P2, W2} -> W2 after 1000 -> timeout end,
    D4 = receive {'DOWN', M4, process, P4, W4} -> W4 after 1000 -> timeout end,
    [P ! {add, 10} || P <- [P1, P3, P5]],
    Counts = [get_count(P) || P <- [P1, P3, P5]],
    %% A crash while we wait for a reply from someone else.
    Q = spawn(fun() -> receive {ask, From} -> exit(self(), kill), From ! never end end),
    Q ! {ask, self()},
    Answer = receive never -> got after 100 -> no_answer end,
    %% A dying process's queued messages vanish; new sends to it are no-ops.
    Sends = P2 ! {add, 1},
    %% Parent of a crashed child, without link, keeps going with its own mailbox.
    self() ! mine,
    {_, CM} = spawn_monitor(fun() -> exit(child_crash) end),
    receive {'DOWN', CM, process, _, child_crash} -> ok end,
    Mine = receive mine -> still_here after 0 -> lost end,
    [{downs, D2, D4}, {counts, Counts}, {answer, Answer},
     {send_to_dead, Sends}, {mine, Mine},
     {alive, [is_process_alive(P) || P <- Ps]}].
