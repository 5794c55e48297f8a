%% spawn_link/1,3: EXIT messages to a trapping parent, propagation to a non-trapping one.
-module(proc_spawn_link).
-compile([export_all, nowarn_export_all]).

ret(X) -> X.
do_exit(R) -> exit(R).

exit_msg(Pid) ->
    receive
        {'EXIT', Pid, Reason} -> summarize(Reason)
    after 1000 -> timeout
    end.

summarize({R, [T | _]}) when is_tuple(T) -> {R, stack};
summarize(R) -> R.

%% A middle process (not trapping) spawn_links a child exiting with Reason;
%% report how the middle process ended.
middle(Reason) ->
    Me = self(),
    {M, Ref} = spawn_monitor(fun() ->
        spawn_link(?MODULE, do_exit, [Reason]),
        Me ! {middle_ready, self()},
        receive never -> ok after 200 -> survived end,
        exit(survived)
    end),
    receive {middle_ready, M} -> ok end,
    receive {'DOWN', Ref, process, M, R} -> summarize(R) after 2000 -> timeout end.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    false = process_flag(trap_exit, true),
    P1 = spawn_link(fun() -> ok end),
    E1 = exit_msg(P1),
    P2 = spawn_link(fun() -> exit(crash) end),
    E2 = exit_msg(P2),
    P3 = spawn_link(?MODULE, ret, [x]),
    E3 = exit_msg(P3),
    P4 = spawn_link(?MODULE, do_exit, [{a, b}]),
    E4 = exit_msg(P4),
    P5 = spawn_link(fun() -> exit({badmatch, id(2)}) end),
    E5 = exit_msg(P5),
    P6 = spawn_link(fun() -> receive stop -> exit(stopped) end end),
    {links, L6} = process_info(self(), links),
    InLinks = member(P6, L6),
    P6 ! stop,
    E6 = exit_msg(P6),
    {links, L6b} = process_info(self(), links),
    Gone = not member(P6, L6b),
    true = process_flag(trap_exit, false),
    [{exits, [E1, E2, E3, E4, E5, E6]}, {in_links, InLinks}, {gone_after_exit, Gone},
     {middle_normal, middle(normal)},
     {middle_crash, middle(boom)},
     {middle_shutdown, middle(shutdown)},
     {middle_kill, middle(kill)},
     {badarg, catch_err(fun() -> spawn_link(1, 2, 3) end)}].

id(X) -> X.

member(_, []) -> false;
member(X, [X | _]) -> true;
member(X, [_ | T]) -> member(X, T).

catch_err(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.
