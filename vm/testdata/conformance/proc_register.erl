%% register/2, unregister/1, whereis/1, registered/0, sending to names, and their badarg cases.
-module(proc_register).
-compile([export_all, nowarn_export_all]).

echo() -> receive {From, M} -> From ! {echo, M}, echo(); stop -> ok end.

member(_, []) -> false;
member(X, [X | _]) -> true;
member(X, [_ | T]) -> member(X, T).

err(F) -> try F() catch C:R -> {C, R} end.

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
    E = spawn(fun echo/0),
    Before = whereis(proc_register_echo),
    Reg = register(proc_register_echo, E),
    Where = whereis(proc_register_echo) =:= E,
    InList = member(proc_register_echo, registered()),
    Sent = proc_register_echo ! {Me, hello},
    Reply = receive {echo, M} -> M after 1000 -> timeout end,
    ViaSend = erlang:send(proc_register_echo, {Me, via_send}),
    Reply2 = receive {echo, M2} -> M2 after 1000 -> timeout end,
    ViaTuple = {proc_register_echo, node()} ! {Me, via_tuple},
    Reply3 = receive {echo, M3} -> M3 after 1000 -> timeout end,
    {registered_name, RN} = process_info(E, registered_name),
    Twice = err(fun() -> register(proc_register_echo, E) end),
    SameName = err(fun() -> register(proc_register_echo, self()) end),
    OtherName = err(fun() -> register(proc_register_other, E) end),  % already has a name
    Undef = err(fun() -> register(undefined, self()) end),
    NotAtom = err(fun() -> register("name", self()) end),
    DeadP = spawn(fun() -> ok end),
    DRef = monitor(process, DeadP),
    receive {'DOWN', DRef, _, _, _} -> ok end,
    Dead = err(fun() -> register(proc_register_dead, DeadP) end),
    Unreg = unregister(proc_register_echo),
    After = {whereis(proc_register_echo), member(proc_register_echo, registered()),
             process_info(E, registered_name)},
    UnregAgain = err(fun() -> unregister(proc_register_echo) end),
    SendUnreg = err(fun() -> proc_register_echo ! x end),
    SendUnreg2 = err(fun() -> erlang:send(proc_register_echo, x) end),
    %% Re-register under a new name; a dead process loses its name.
    true = register(proc_register_again, E),
    ERef = monitor(process, E),
    E ! stop,
    receive {'DOWN', ERef, _, _, _} -> ok end,
    Gone = {whereis(proc_register_again), member(proc_register_again, registered())},
    %% Registering ourselves.
    true = register(proc_register_me, self()),
    SelfName = process_info(self(), registered_name),
    proc_register_me ! to_myself,
    Mine = receive to_myself -> got after 0 -> none end,
    true = unregister(proc_register_me),
    [{before, Before}, {reg, Reg}, {where, Where}, {in_list, InList},
     {sent, Sent =:= {Me, hello}}, {reply, Reply}, {via_send, ViaSend =:= {Me, via_send}, Reply2},
     {via_tuple, ViaTuple =:= {Me, via_tuple}, Reply3}, {rn, RN},
     {twice, Twice}, {same_name, SameName}, {other_name, OtherName}, {undef, Undef},
     {not_atom, NotAtom}, {dead, Dead}, {unreg, Unreg}, {after_unreg, After},
     {unreg_again, UnregAgain}, {send_unreg, SendUnreg, SendUnreg2}, {gone, Gone},
     {self_name, SelfName}, {mine, Mine},
     {whereis_badarg, err(fun() -> whereis("x") end)}].
