%% process_flag/2 return values (trap_exit, priority, others) and badarg cases.
-module(proc_process_flag).
-compile([export_all, nowarn_export_all]).

err(F) -> try F() catch C:R -> {C, R} end.

%% Polls until N messages are queued (at most Tries ms).
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
    T0 = process_info(self(), trap_exit),
    T1 = process_flag(trap_exit, true),
    T2 = process_flag(trap_exit, true),
    T3 = process_info(self(), trap_exit),
    T4 = process_flag(trap_exit, false),
    T5 = process_flag(trap_exit, false),
    BadTrap = err(fun() -> process_flag(trap_exit, yes) end),
    P0 = process_flag(priority, high),
    P1 = process_flag(priority, low),
    P2 = process_flag(priority, normal),
    P3 = process_info(self(), priority),
    BadPrio = err(fun() -> process_flag(priority, urgent) end),
    BadFlag = err(fun() -> process_flag(no_such_flag, true) end),
    BadFlag2 = err(fun() -> process_flag("trap_exit", true) end),
    S0 = process_flag(sensitive, true),
    S1 = process_flag(sensitive, false),
    MH = process_flag(min_heap_size, 1000),
    MH1 = process_flag(min_heap_size, 233),
    %% A spawned process starts with trap_exit false, whatever its parent had.
    process_flag(trap_exit, true),
    spawn(fun() -> Me ! {child_trap, process_info(self(), trap_exit)} end),
    Child = receive {child_trap, CT} -> CT after 1000 -> timeout end,
    %% An EXIT message that arrived while trapping stays a message after
    %% trapping is turned off.
    L = spawn_link(fun() -> exit(late) end),
    Queued = wait_queue(1, 1000),
    true = process_flag(trap_exit, false),
    StillThere = receive {'EXIT', L, W} -> {still_there, W} after 0 -> gone end,
    [{trap, T0, T1, T2, T3, T4, T5}, {bad_trap, BadTrap},
     {prio, P0, P1, P2, P3}, {bad_prio, BadPrio}, {bad_flag, BadFlag, BadFlag2},
     {sensitive, S0, S1}, {min_heap, is_integer(MH), MH1 >= 1000},
     {child, Child}, {queued, Queued, StillThere}].
