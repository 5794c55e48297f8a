%% spawn_monitor/1,3: DOWN messages and exit reasons for normal return and exit/1.
-module(proc_spawn_monitor).
-compile([export_all, nowarn_export_all]).

ret(X) -> X.
do_exit(R) -> exit(R).
wait_stop() -> receive stop -> exit(stopped) end.

down(Pid, Ref) ->
    receive
        {'DOWN', Ref, process, Pid2, Reason} -> {Pid2 =:= Pid, Reason}
    after 1000 -> timeout
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
    {P1, R1} = spawn_monitor(fun() -> ok end),
    {P2, R2} = spawn_monitor(fun() -> exit(bye) end),
    {P3, R3} = spawn_monitor(?MODULE, ret, [42]),
    {P4, R4} = spawn_monitor(?MODULE, do_exit, [{shutdown, x}]),
    {P5, R5} = spawn_monitor(fun() -> exit(normal) end),
    {P6, R6} = spawn_monitor(?MODULE, do_exit, [[1, "two", <<3>>, {4.0}]]),
    {P7, R7} = spawn_monitor(fun() -> exit(kill) end),
    {P8, R8} = spawn_monitor(fun() -> catch exit(caught), exit(after_catch) end),
    {P9, R9} = spawn_monitor(?MODULE, wait_stop, []),
    Alive9 = is_process_alive(P9),
    P9 ! stop,
    {P10, R10} = spawn_monitor(fun() -> try exit(inner) after exit(from_after) end end),
    Shapes = [is_pid(P1), is_reference(R1), R1 =/= R2, P1 =/= P2],
    Downs = [down(P1, R1), down(P2, R2), down(P3, R3), down(P4, R4), down(P5, R5),
             down(P6, R6), down(P7, R7), down(P8, R8), down(P9, R9), down(P10, R10)],
    Flushed = receive Any -> {extra, Any} after 0 -> none end,
    [{shapes, Shapes}, {alive9, Alive9}, {downs, Downs}, {flushed, Flushed},
     {dead_after, [is_process_alive(P) || P <- [P1, P2, P3, P9]]},
     {badarg1, catch_err(fun() -> spawn_monitor(42) end)},
     {badarg_arity, catch_err(fun() -> spawn_monitor(fun(_) -> ok end) end)},
     {badarg3, catch_err(fun() -> spawn_monitor(?MODULE, ret, [a | b]) end)}].

catch_err(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.
