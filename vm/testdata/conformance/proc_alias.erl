%% Process aliases made with alias/0,1 (OTP 24+): sending through an active
%% alias reaches its owner, through an inactive one (or a reference that
%% never was an alias) nothing arrives and the send does not fail.
-module(proc_alias).
-export([start/0]).

flush() -> receive M -> [M | flush()] after 0 -> [] end.

e(F) -> try F() catch C:R -> {C, R} end.

%% Sends Msg to To from another process, returning once it was sent.
send_from_other(To, Msg) ->
    Me = self(),
    Pid = spawn(fun() -> To ! Msg, Me ! {sent, self()} end),
    receive {sent, Pid} -> ok end.

start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    Me = self(),
    %% Explicit aliases: active until unalias/1.
    A = alias(),
    A ! one,
    send_from_other(A, two),
    Active = flush(),
    U1 = unalias(A),
    U2 = unalias(A),
    A ! three,
    send_from_other(A, four),
    Inactive = flush(),
    B = alias([explicit_unalias]),
    B ! kept,
    Explicit = flush(),
    true = unalias(B),

    %% alias([reply]): the first message received through it deactivates it.
    R = alias([reply]),
    R ! r1,
    R ! r2,
    Reply1 = flush(),
    R ! r3,
    Reply2 = flush(),
    UR = unalias(R),

    %% A reference that is not an alias: the message is dropped.
    Plain = make_ref(),
    S1 = Plain ! dropped,
    S2 = erlang:send(Plain, dropped, [noconnect]),
    S3 = erlang:send(A, dropped, []),
    NotAlias = flush(),

    %% Another process's alias: unalias/1 there is false and keeps it.
    Owner = spawn(fun() ->
                          X = alias(),
                          Me ! {alias, self(), X},
                          receive stop -> ok end,
                          receive Got -> Me ! {owner_got, Got} end
                  end),
    OA = receive {alias, Owner, X} -> X end,
    U3 = unalias(OA),
    OA ! via_alias,
    Owner ! stop,
    OwnerGot = receive {owner_got, G} -> G after 1000 -> nothing end,

    %% The aliases of a process die with it.
    Dying = spawn(fun() -> Me ! {alias, self(), alias()} end),
    DA = receive {alias, Dying, Y} -> Y end,
    DM = monitor(process, Dying),
    receive {'DOWN', DM, process, Dying, _} -> ok end,
    S4 = DA ! after_death,
    AfterDeath = flush(),

    Errors = [e(fun() -> alias(F) end) || F <- [foo, [bogus], [reply | x], [{reply}]]]
        ++ [e(fun() -> unalias(F) end) || F <- [foo, self(), 1]],
    Remaining = flush(),
    [{active, Active}, {unalias, U1, U2}, {inactive, Inactive},
     {explicit, Explicit}, {reply, Reply1, Reply2, UR},
     {not_alias, S1, S2, S3, NotAlias}, {other_owner, U3, OwnerGot},
     {after_death, S4, AfterDeath}, {errors, Errors}, {remaining, Remaining}].
