%% make_ref() request/reply: the {Ref, _} reply is found past 1000 queued messages, which stay in order.
-module(proc_ref_receive).
-compile([export_all, nowarn_export_all]).

server() ->
    receive
        {call, From, Ref, Req} -> From ! {Ref, {reply, Req * 2}}, server();
        {call_twice, From, Ref, Req} -> From ! {Ref, first, Req}, From ! {Ref, second, Req}, server();
        stop -> ok
    end.

call(S, Req) ->
    Ref = make_ref(),
    S ! {call, self(), Ref, Req},
    receive {Ref, Reply} -> Reply after 1000 -> timeout end.

flush(Acc) -> receive M -> flush([M | Acc]) after 0 -> rev(Acc) end.

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
    S = spawn(fun server/0),
    [Me ! {junk, I} || I <- seqn(1, 1000)],
    %% A stale reply with an old ref must not be taken.
    OldRef = make_ref(),
    Me ! {OldRef, {reply, stale}},
    R1 = call(S, 21),
    R2 = call(S, 50),
    %% Replies tagged with other fresh refs are left alone.
    Ref3 = make_ref(),
    Other = make_ref(),
    Me ! {Other, not_mine},
    S ! {call, Me, Ref3, 4},
    R3 = receive {Ref3, X3} -> X3 after 1000 -> timeout end,
    %% Two replies under the same ref arrive in order.
    Ref4 = make_ref(),
    S ! {call_twice, Me, Ref4, q},
    R4a = receive {Ref4, A, _} -> A after 1000 -> timeout end,
    R4b = receive {Ref4, B, _} -> B after 1000 -> timeout end,
    %% A ref-receive that times out leaves everything queued.
    Ref5 = make_ref(),
    R5 = receive {Ref5, _} -> found after 10 -> timeout end,
    S ! stop,
    Rest = flush([]),
    Junk = [M || {junk, _} = M <- Rest],
    NonJunk = [case M of
                   {R, V} when R =:= OldRef -> {old_ref, V};
                   {R, V} when R =:= Other -> {other_ref, V};
                   _ -> unexpected
               end || M <- Rest, element(1, M) =/= junk],
    [{r1, R1}, {r2, R2}, {r3, R3}, {r4, R4a, R4b}, {r5, R5},
     {junk_in_order, Junk =:= [{junk, I} || I <- seqn(1, 1000)]},
     {non_junk, NonJunk},
     {refs_distinct, make_ref() =/= make_ref()},
     {ref_eq, OldRef =:= OldRef}, {is_ref, is_reference(OldRef)}].

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).
