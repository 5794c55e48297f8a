%% spawn_opt/2,4 with link, monitor, min_heap_size, priority and other options; bad options.
-module(proc_spawn_opt).
-compile([export_all, nowarn_export_all]).

reply(To, X) -> To ! {reply, self(), X}.
do_exit(R) -> exit(R).

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
    process_flag(trap_exit, true),
    P0 = spawn_opt(fun() -> Me ! {p0, self()} end, []),
    R0 = receive {p0, P0x} -> P0x =:= P0 after 1000 -> timeout end,
    P1 = spawn_opt(fun() -> exit(linked_bye) end, [link]),
    R1 = receive {'EXIT', P1, Why1} -> Why1 after 1000 -> timeout end,
    Ret2 = spawn_opt(fun() -> exit(mon_bye) end, [monitor]),
    {P2, M2} = Ret2,
    R2 = receive {'DOWN', M2, process, P2, Why2} -> Why2 after 1000 -> timeout end,
    {P3, M3} = spawn_opt(fun() -> exit(both) end, [link, monitor]),
    R3a = receive {'DOWN', M3, process, P3, W3a} -> W3a after 1000 -> timeout end,
    R3b = receive {'EXIT', P3, W3b} -> W3b after 1000 -> timeout end,
    P4 = spawn_opt(?MODULE, reply, [Me, 7], [link]),
    R4 = receive {reply, P4, X4} -> X4 after 1000 -> timeout end,
    R4e = receive {'EXIT', P4, W4} -> W4 after 1000 -> timeout end,
    {P5, M5} = spawn_opt(?MODULE, do_exit, [mfa], [monitor]),
    R5 = receive {'DOWN', M5, process, P5, W5} -> W5 after 1000 -> timeout end,
    P6 = spawn_opt(fun() -> receive {q, F} -> F ! {heap, process_info(self(), min_heap_size)} end end,
                   [{min_heap_size, 1000}]),
    P6 ! {q, Me},
    R6 = receive {heap, {min_heap_size, H6}} -> H6 >= 1000 after 1000 -> timeout end,
    {P7, M7} = spawn_opt(fun() -> exit(process_info(self(), priority)) end,
                         [{priority, high}, monitor]),
    R7 = receive {'DOWN', M7, process, P7, W7} -> W7 after 1000 -> timeout end,
    {P8, M8} = spawn_opt(fun() -> exit(ok8) end,
                         [{fullsweep_after, 5}, {min_bin_vheap_size, 100},
                          {message_queue_data, off_heap}, monitor]),
    R8 = receive {'DOWN', M8, process, P8, W8} -> W8 after 1000 -> timeout end,
    {P9, M9} = spawn_opt(fun() -> exit(process_info(self(), message_queue_data)) end,
                         [monitor, {message_queue_data, on_heap}]),
    R9 = receive {'DOWN', M9, process, P9, W9} -> W9 after 1000 -> timeout end,
    Left = receive Any -> {extra, Any} after 0 -> none end,
    [{plain, R0}, {link, R1}, {monitor_shape, is_pid(P2) andalso is_reference(M2)},
     {monitor, R2}, {link_monitor, R3a, R3b}, {mfa_link, R4, R4e}, {mfa_monitor, R5},
     {min_heap, R6}, {priority, R7}, {misc_opts, R8}, {mqd, R9}, {left, Left},
     {bad_opt, catch_err(fun() -> spawn_opt(fun() -> ok end, [bogus]) end)},
     {bad_opts_list, catch_err(fun() -> spawn_opt(fun() -> ok end, bogus) end)},
     {bad_prio, catch_err(fun() -> spawn_opt(fun() -> ok end, [{priority, urgent}]) end)},
     {bad_heap, catch_err(fun() -> spawn_opt(fun() -> ok end, [{min_heap_size, -1}]) end)},
     {bad_fun, catch_err(fun() -> spawn_opt(foo, [link]) end)}].

catch_err(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.
