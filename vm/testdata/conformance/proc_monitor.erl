%% monitor/2: DOWN for dead pids (noproc), unregistered names, multiple monitors, monitor info.
-module(proc_monitor).
-compile([export_all, nowarn_export_all]).

idle() -> receive {die, R} -> exit(R) end.

down(Ref) ->
    receive {'DOWN', Ref, Type, Obj, Why} -> {Type, Obj, Why} after 2000 -> timeout end.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    %% A dead pid: DOWN with noproc at once.
    {D, DRef0} = spawn_monitor(fun() -> ok end),
    normal = element(3, down(DRef0)),
    R1 = monitor(process, D),
    {process, D1, Why1} = down(R1),
    %% Two monitors on one process: two DOWN messages, distinct refs.
    P = spawn(fun idle/0),
    Ma = monitor(process, P),
    Mb = monitor(process, P),
    {monitors, Mons} = process_info(self(), monitors),
    {monitored_by, By} = process_info(P, monitored_by),
    P ! {die, twice},
    {process, Pa, Wa} = down(Ma),
    {process, Pb, Wb} = down(Mb),
    %% Monitoring a registered name: the DOWN names {Name, Node}.
    N = spawn(fun idle/0),
    register(proc_monitor_named, N),
    Mn = monitor(process, proc_monitor_named),
    {monitors, NMons} = process_info(self(), monitors),
    N ! {die, named},
    {process, NObj, NWhy} = down(Mn),
    %% A name nobody has: immediate noproc.
    Mu = monitor(process, proc_monitor_nobody),
    {process, UObj, UWhy} = down(Mu),
    %% Monitoring yourself is allowed and silent.
    Ms = monitor(process, self()),
    SelfDown = receive {'DOWN', Ms, _, _, _} -> got after 10 -> none end,
    true = demonitor(Ms),
    %% A monitor does not link: a crash of the monitored process does not hurt.
    {C, Mc} = spawn_monitor(fun() -> exit(boom) end),
    {process, C1, CWhy} = down(Mc),
    [{dead, D1 =:= D, Why1},
     {two, Ma =/= Mb, length(Mons), Mons =:= [{process, P}, {process, P}],
      By =:= [self(), self()], Pa =:= P, Pb =:= P, Wa, Wb},
     {named, NMons =:= [{process, {proc_monitor_named, node()}}],
      NObj =:= {proc_monitor_named, node()}, NWhy, whereis(proc_monitor_named)},
     {unregistered, UObj =:= {proc_monitor_nobody, node()}, UWhy},
     {self, SelfDown},
     {crash_isolated, C1 =:= C, CWhy, is_process_alive(self())},
     {badarg, try monitor(process, 42) catch error:E1 -> E1 end,
              try monitor(bogus, self()) catch error:E2 -> E2 end},
     {left, receive Any -> {extra, Any} after 0 -> none end}].
