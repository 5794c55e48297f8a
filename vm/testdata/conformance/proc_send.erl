%% ! and erlang:send/2,3: return values, options, dead and bad destinations.
-module(proc_send).
-compile([export_all, nowarn_export_all]).

err(F) -> try F() catch C:R -> {C, R} end.

flush(Acc) -> receive M -> flush([M | Acc]) after 0 -> rev(Acc) end.

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

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
    Bang = (Me ! one),
    Chain = (Me ! Me ! two),              % ! is right-associative; value is the message
    S2 = erlang:send(Me, three),
    S3a = erlang:send(Me, four, []),
    S3b = erlang:send(Me, five, [noconnect]),
    S3c = erlang:send(Me, six, [nosuspend]),
    S3d = erlang:send(Me, seven, [noconnect, nosuspend]),
    Got = flush([]),
    %% Sending to a dead process is silently dropped.
    {D, DRef} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DRef, _, _, _} -> ok end,
    ToDead = (D ! lost),
    ToDead2 = erlang:send(D, lost, [nosuspend]),
    %% Big and compound messages arrive intact.
    Big = {[X * X || X <- seqn(1, 1000)], <<0:8000>>, #{a => [1, 2], "k" => {v}}, 1 bsl 100, 2.5},
    Echo = spawn(fun() -> receive {From, M} -> From ! {back, M} end end),
    Echo ! {Me, Big},
    Back = receive {back, B} -> B =:= Big after 1000 -> timeout end,
    %% A message containing a fun: the receiver can call it.
    F = fun(X) -> {applied, X * 10} end,
    Caller = spawn(fun() -> receive {From, G} -> From ! {called, G(4)} end end),
    Caller ! {Me, F},
    Called = receive {called, C} -> C after 1000 -> timeout end,
    [{bang, Bang}, {chain, Chain}, {send2, S2}, {send3, S3a, S3b, S3c, S3d},
     {got, Got}, {to_dead, ToDead, ToDead2}, {big_back, Back}, {fun_msg, Called},
     {bad_dest, err(fun() -> 42 ! x end)},
     {bad_dest_list, err(fun() -> [Me] ! x end)},
     {bad_dest_tuple, err(fun() -> {a, b, c} ! x end)},
     {bad_dest_send, err(fun() -> erlang:send("me", x) end)},
     {unregistered, err(fun() -> proc_send_nobody ! x end)},
     {bad_opt, err(fun() -> erlang:send(Me, x, [bogus]) end)},
     {bad_opts, err(fun() -> erlang:send(Me, x, bogus) end)},
     {left, flush([])}].

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].
