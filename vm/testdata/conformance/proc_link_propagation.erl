%% Links: abnormal exits kill non-trapping partners, become 'EXIT' messages for trapping ones.
-module(proc_link_propagation).
-compile([export_all, nowarn_export_all]).

%% A partner linked to a child that exits with Reason once told to:
%% returns the partner's exit reason ({partner_survived, WhatItSaw} if it lived).
outcome(Trap, Reason) ->
    {Partner, Ref} = spawn_monitor(fun() ->
        process_flag(trap_exit, Trap),
        Child = spawn_link(fun() -> receive go -> exit(Reason) end end),
        Child ! go,
        Seen = receive {'EXIT', Child, R} -> {exit_msg, R} after 200 -> nothing end,
        exit({partner_survived, Seen})
    end),
    receive {'DOWN', Ref, process, Partner, Why} -> Why after 2000 -> timeout end.

%% A chain A - B - C of non-trapping processes: C crashing takes down all.
chain() ->
    Me = self(),
    A = spawn(fun() ->
        B = spawn_link(fun() ->
            C = spawn_link(fun() -> receive go -> exit(chain_crash) end end),
            Me ! {c, C},
            receive after infinity -> ok end
        end),
        Me ! {b, B},
        receive after infinity -> ok end
    end),
    B = receive {b, Bp} -> Bp end,
    C = receive {c, Cp} -> Cp end,
    Refs = [{N, monitor(process, P), P} || {N, P} <- [{a, A}, {b, B}, {c, C}]],
    C ! go,
    [{N, receive {'DOWN', R, process, P, W} -> W after 2000 -> timeout end} || {N, R, P} <- Refs].

%% The child is killed from outside (exit/2 with kill): partners see 'killed'.
killed_child(Trap) ->
    Me = self(),
    {Partner, Ref} = spawn_monitor(fun() ->
        process_flag(trap_exit, Trap),
        Child = spawn_link(fun() -> receive after infinity -> ok end end),
        Me ! {child, self(), Child},
        Seen = receive {'EXIT', Child, R} -> {exit_msg, R} after 1000 -> nothing end,
        exit({partner_survived, Seen})
    end),
    Child = receive {child, Partner, C} -> C end,
    exit(Child, kill),
    receive {'DOWN', Ref, process, Partner, Why} -> Why after 2000 -> timeout end.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    [{no_trap_normal, outcome(false, normal)},
     {no_trap_crash, outcome(false, crash)},
     {no_trap_shutdown, outcome(false, shutdown)},
     {no_trap_kill_reason, outcome(false, kill)},
     {trap_normal, outcome(true, normal)},
     {trap_crash, outcome(true, crash)},
     {trap_tuple, outcome(true, {shutdown, x})},
     {trap_kill_reason, outcome(true, kill)},
     {killed_no_trap, killed_child(false)},
     {killed_trap, killed_child(true)},
     {chain, chain()}].
