%% Signal order from one sender: messages before its exit signal, DOWN and 'EXIT' after its last messages.
-module(proc_signal_order).
-compile([export_all, nowarn_export_all]).

%% Everything in the mailbox, DOWN/EXIT reduced to their reason.
flush(Acc) ->
    receive
        {'DOWN', _, process, _, W} -> flush([{down, W} | Acc]);
        {'EXIT', _, W} -> flush([{exit, W} | Acc]);
        M -> flush([M | Acc])
    after 0 -> rev(Acc)
    end.

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

%% Polls until N messages are queued (at most Tries ms), without taking any.
wait_queue(N, Tries) ->
    case process_info(self(), message_queue_len) of
        {message_queue_len, N} -> true;
        _ when Tries =:= 0 -> false;
        _ -> receive after 1 -> wait_queue(N, Tries - 1) end
    end.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    Me = self(),
    %% A monitored child sends three messages then exits: DOWN comes last.
    {_, M1} = spawn_monitor(fun() -> Me ! a, Me ! b, Me ! c, exit(done1) end),
    _ = M1,
    true = wait_queue(4, 1000),
    R1 = flush([]),
    %% Same with a link while trapping exits: 'EXIT' comes last.
    process_flag(trap_exit, true),
    spawn_link(fun() -> Me ! x, Me ! y, exit(done2) end),
    true = wait_queue(3, 1000),
    R2 = flush([]),
    %% A third process sends us messages, then an exit signal with exit/2.
    spawn(fun() -> Me ! m1, Me ! m2, exit(Me, from_exit2), Me ! m3 end),
    R3 = collect_until(m3, []),
    process_flag(trap_exit, false),
    %% Monitor and link from the same child: both arrive after its messages.
    process_flag(trap_exit, true),
    {L4, M4} = spawn_opt(fun() -> Me ! hello, exit(done4) end, [link, monitor]),
    Got4 = [receive {'DOWN', M4, _, L4, W} -> {down, W} end,
            receive {'EXIT', L4, W} -> {exit, W} end],
    R4 = flush([]),
    process_flag(trap_exit, false),
    %% A killed process's earlier messages are still delivered.
    K = spawn(fun() -> Me ! before_kill, receive after infinity -> ok end end),
    true = wait_queue(1, 1000),
    monitor(process, K),
    exit(K, kill),
    true = wait_queue(2, 1000),
    R5 = flush([]),
    [{monitor, R1}, {link, R2}, {exit2, R3}, {both, Got4, R4}, {killed, R5}].

collect_until(Last, Acc) ->
    receive
        Last -> rev([Last | Acc]);
        {'EXIT', _, W} -> collect_until(Last, [{exit, W} | Acc]);
        M -> collect_until(Last, [M | Acc])
    after 1000 -> {timeout, rev(Acc)}
    end.
