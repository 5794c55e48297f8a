%% demonitor/1,2 with [flush] and [info]: before and after the DOWN message is queued.
-module(proc_demonitor).
-compile([export_all, nowarn_export_all]).

idle() -> receive {die, R} -> exit(R) end.

%% A monitor whose DOWN message is already in our mailbox.
fired() ->
    {P, Ref} = spawn_monitor(fun() -> exit(gone) end),
    %% Wait for the DOWN, then put it back at the end of the mailbox.
    receive {'DOWN', Ref, process, P, _} = Msg -> self() ! Msg end,
    Ref.

has_down(Ref) -> receive {'DOWN', Ref, _, _, _} -> true after 0 -> false end.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    %% Live process: demonitor, then its death sends nothing.
    P = spawn(fun idle/0),
    M1 = monitor(process, P),
    D1 = demonitor(M1),
    Check = monitor(process, P),
    P ! {die, bye},
    receive {'DOWN', Check, _, _, _} -> ok end,
    NoDown1 = has_down(M1),
    %% demonitor/2 [info] on an active monitor: true.
    Q = spawn(fun idle/0),
    M2 = monitor(process, Q),
    Info2 = demonitor(M2, [info]),
    Info2b = demonitor(M2, [info]),     % already removed
    Q ! {die, x},
    %% DOWN already queued: plain demonitor leaves it, [flush] removes it.
    R3 = fired(),
    D3 = demonitor(R3),
    Left3 = has_down(R3),
    R4 = fired(),
    D4 = demonitor(R4, [flush]),
    Left4 = has_down(R4),
    R5 = fired(),
    D5 = demonitor(R5, [info]),        % false: the monitor had already fired
    Left5 = has_down(R5),
    R6 = fired(),
    D6 = demonitor(R6, [flush, info]),
    Left6 = has_down(R6),
    %% [flush] only removes this ref's DOWN, other messages stay in order.
    R7 = fired(),
    self() ! before, self() ! {'DOWN', make_ref(), process, self(), other_ref},
    true = demonitor(R7, [flush]),
    Rest7 = [receive M -> shape(M) after 0 -> none end || _ <- [1, 2, 3]],
    %% Demonitoring an unknown reference or a ref from make_ref/0 is fine.
    D8 = demonitor(make_ref()),
    D9 = demonitor(make_ref(), [info]),
    [{live, D1, NoDown1}, {info_active, Info2, Info2b},
     {fired_plain, D3, Left3}, {fired_flush, D4, Left4},
     {fired_info, D5, Left5}, {fired_flush_info, D6, Left6},
     {rest7, Rest7}, {unknown, D8, D9},
     {badarg, try demonitor(self()) catch error:E1 -> E1 end,
              try demonitor(make_ref(), [bogus]) catch error:E2 -> E2 end,
              try demonitor(make_ref(), notalist) catch error:E3 -> E3 end},
     {left, receive Any -> {extra, shape(Any)} after 0 -> none end}].

shape({'DOWN', _, process, _, Why}) -> {down, Why};
shape(M) -> M.
