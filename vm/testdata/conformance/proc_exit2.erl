%% exit/2 from another process: normal, kill and other reasons, to trapping and non-trapping targets.
-module(proc_exit2).
-compile([export_all, nowarn_export_all]).

%% A target that reports every message it gets, until told to stop.
target(Trap, Parent) ->
    process_flag(trap_exit, Trap),
    Parent ! {ready, self()},
    loop(Parent).

loop(Parent) ->
    receive
        stop -> exit(stopped);
        M -> Parent ! {got, self(), M}, loop(Parent)
    end.

%% Sends exit(T, Reason) to a fresh target; returns what happened to it.
try_exit(Trap, Reason) ->
    Me = self(),
    {T, Ref} = spawn_monitor(?MODULE, target, [Trap, Me]),
    receive {ready, T} -> ok end,
    true = exit(T, Reason),
    T ! stop,
    Got = receive {got, T, {'EXIT', From, R}} -> {exit_msg, From =:= Me, R} after 0 -> no_msg end,
    Down = receive {'DOWN', Ref, process, T, Why} -> Why after 1000 -> timeout end,
    Got2 = case Got of
               no_msg -> receive {got, T, {'EXIT', F2, R2}} -> {exit_msg, F2 =:= Me, R2} after 0 -> no_msg end;
               _ -> Got
           end,
    {Got2, Down}.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    Dead = spawn(fun() -> ok end),
    DRef = monitor(process, Dead),
    receive {'DOWN', DRef, process, Dead, _} -> ok end,
    [{no_trap_normal, try_exit(false, normal)},
     {no_trap_kill, try_exit(false, kill)},
     {no_trap_other, try_exit(false, other)},
     {no_trap_tuple, try_exit(false, {shutdown, why})},
     {no_trap_killed, try_exit(false, killed)},
     {trap_normal, try_exit(true, normal)},
     {trap_kill, try_exit(true, kill)},
     {trap_other, try_exit(true, other)},
     {trap_killed, try_exit(true, killed)},
     {to_dead, exit(Dead, foo)},
     {badarg, try exit(not_a_pid, x) catch error:E -> E end}].
