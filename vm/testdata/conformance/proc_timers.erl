%% send_after/3, start_timer/3, cancel_timer/1,2, read_timer/1: message shapes and return values.
-module(proc_timers).
-compile([export_all, nowarn_export_all]).

err(F) -> try F() catch C:R -> {C, R} end.

remaining(false) -> false;
remaining(T) when is_integer(T), T >= 0 -> int;
remaining(Other) -> {unexpected, Other}.

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
    %% send_after delivers the bare message; start_timer wraps it.
    T1 = erlang:send_after(10, Me, plain),
    M1 = receive plain -> plain after 1000 -> timeout end,
    T2 = erlang:start_timer(10, Me, wrapped),
    M2 = receive {timeout, T2, wrapped} -> timeout_tuple after 1000 -> timeout end,
    %% Zero-delay timers fire too.
    erlang:send_after(0, Me, zero),
    M3 = receive zero -> zero after 1000 -> timeout end,
    %% Cancel a pending timer: remaining time (an integer); the message never comes.
    T4 = erlang:send_after(5000, Me, never),
    Read4 = remaining(erlang:read_timer(T4)),
    C4 = remaining(erlang:cancel_timer(T4)),
    C4b = erlang:cancel_timer(T4),          % already cancelled
    Read4b = erlang:read_timer(T4),
    M4 = receive never -> arrived after 30 -> none end,
    %% Cancel after it fired: false, the message is still there.
    T5 = erlang:start_timer(1, Me, fired),
    M5 = receive {timeout, T5, fired} = Msg -> self() ! Msg, fired after 1000 -> timeout end,
    C5 = erlang:cancel_timer(T5),
    Still5 = receive {timeout, T5, fired} -> still_queued after 0 -> gone end,
    %% Timers fire in order of expiry, not of creation.
    erlang:send_after(40, Me, {order, 3}),
    erlang:send_after(20, Me, {order, 2}),
    erlang:send_after(1, Me, {order, 1}),
    Order = [receive {order, N} -> N after 1000 -> timeout end || _ <- [1, 2, 3]],
    %% A timer to a registered name; one to a dead process is harmless.
    register(proc_timers_me, Me),
    erlang:send_after(1, proc_timers_me, by_name),
    M6 = receive by_name -> by_name after 1000 -> timeout end,
    unregister(proc_timers_me),
    {D, DRef} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DRef, _, _, _} -> ok end,
    T7 = erlang:send_after(1, D, to_dead),
    %% cancel_timer/2 options.
    T8 = erlang:send_after(5000, Me, x8),
    C8 = erlang:cancel_timer(T8, [{async, false}, {info, false}]),
    T9 = erlang:send_after(5000, Me, x9),
    C9 = erlang:cancel_timer(T9, [{async, true}, {info, true}]),
    M9 = receive {cancel_timer, T9, R9} -> remaining(R9) after 1000 -> timeout end,
    %% Timer refs are references; cancel/read of unknown refs give false.
    [{shapes, is_reference(T1), is_reference(T2), T1 =/= T2},
     {msgs, M1, M2, M3}, {cancel, Read4, C4, C4b, Read4b, M4},
     {fired, M5, C5, Still5}, {order, Order}, {by_name, M6}, {to_dead, is_reference(T7)},
     {cancel_opts, C8, C9, M9},
     {unknown, erlang:cancel_timer(make_ref()), erlang:read_timer(make_ref())},
     {bad_time, err(fun() -> erlang:send_after(-1, Me, x) end),
                err(fun() -> erlang:start_timer(foo, Me, x) end)},
     {bad_dest, err(fun() -> erlang:send_after(10, 42, x) end)},
     {bad_cancel, err(fun() -> erlang:cancel_timer(not_a_ref) end)},
     {left, receive Any -> {extra, Any} after 50 -> none end}].
