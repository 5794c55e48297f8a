%% group_leader/0,2: children inherit their parent's group leader; it can be changed per process.
-module(proc_group_leader).
-compile([export_all, nowarn_export_all]).

report(Parent) -> Parent ! {gl, self(), group_leader()}.

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
    GL0 = group_leader(),
    Info = process_info(self(), group_leader) =:= {group_leader, GL0},
    C1 = spawn(?MODULE, report, [Me]),
    Inherit = receive {gl, C1, G1} -> G1 =:= GL0 after 1000 -> timeout end,
    %% A stand-in group leader (never asked to do I/O here).
    Fake = spawn(fun() -> receive stop -> ok end end),
    true = group_leader(Fake, self()),
    Changed = group_leader() =:= Fake,
    C2 = spawn(?MODULE, report, [Me]),
    Inherit2 = receive {gl, C2, G2} -> G2 =:= Fake after 1000 -> timeout end,
    true = group_leader(GL0, self()),
    Restored = group_leader() =:= GL0,
    %% Setting another process's group leader.
    C3 = spawn(fun() -> receive go -> report(Me) end end),
    true = group_leader(Fake, C3),
    C3 ! go,
    Other = receive {gl, C3, G3} -> G3 =:= Fake after 1000 -> timeout end,
    Fake ! stop,
    [{is_pid, is_pid(GL0)}, {info, Info}, {inherit, Inherit}, {changed, Changed},
     {inherit_changed, Inherit2}, {restored, Restored}, {other, Other},
     {badarg, try group_leader(foo, self()) catch error:E1 -> E1 end,
              try group_leader(self(), foo) catch error:E2 -> E2 end}].
