%% link/1 and unlink/1: bidirectionality, idempotence, unlink stops propagation, links to dead pids.
-module(proc_link_unlink).
-compile([export_all, nowarn_export_all]).

idle() -> receive {die, R} -> exit(R); stop -> ok end.

links(P) -> {links, L} = process_info(P, links), L.

wait_down(Ref) -> receive {'DOWN', Ref, process, _, W} -> W after 2000 -> timeout end.

dead_pid() ->
    {P, Ref} = spawn_monitor(fun() -> ok end),
    normal = wait_down(Ref),
    P.

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
    P = spawn(fun idle/0),
    L0 = links(self()),
    T1 = link(P),
    T2 = link(P),                       % linking twice: still one link
    Mine = links(self()),
    Theirs = links(P),
    U1 = unlink(P),
    U2 = unlink(P),                     % unlinking when not linked
    AfterUnlink = {links(self()), links(P)},
    Self = link(self()),                % a no-op
    SelfLinks = links(self()),
    %% After unlink, P's crash does not reach us (we are not trapping).
    PRef = monitor(process, P),
    P ! {die, crash_after_unlink},
    PDown = wait_down(PRef),
    %% A linked process that crashes takes down the process that linked to it,
    %% and the link works the other way round as well.
    {A, ARef} = spawn_monitor(fun() ->
        Q = spawn(fun idle/0),
        link(Q),
        Me ! {q, Q},
        idle()
    end),
    Q = receive {q, Qp} -> Qp end,
    QRef = monitor(process, Q),
    A ! {die, a_died},
    ADown = wait_down(ARef),
    QDown = wait_down(QRef),
    %% link to a pid that is already dead.
    D = dead_pid(),
    NoTrap = try link(D) catch error:E -> {error, E} end,
    process_flag(trap_exit, true),
    Trap = link(D),
    TrapMsg = receive {'EXIT', D, Why} -> {exit_msg, Why} after 1000 -> none end,
    process_flag(trap_exit, false),
    [{initial, L0}, {link, T1, T2}, {mine, Mine =:= [P]}, {theirs, Theirs =:= [Me]},
     {unlink, U1, U2, AfterUnlink}, {self, Self, SelfLinks},
     {unlinked_crash, PDown, is_process_alive(self())},
     {a_then_q, ADown, QDown},
     {dead_no_trap, NoTrap}, {dead_trap, Trap, TrapMsg},
     {unlink_dead, unlink(D)},
     {badarg, try link(foo) catch error:E2 -> E2 end,
              try unlink(42) catch error:E3 -> E3 end}].
