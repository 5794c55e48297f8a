%% monitor/3 with {alias, Mode} and spawn_opt with {monitor, [{alias, Mode}]}:
%% the monitor reference is also an alias, deactivated by unalias/1 and,
%% depending on Mode, by the end of the monitor or the first reply.
-module(proc_alias_monitor).
-export([start/0]).

flush() -> receive M -> [M | flush()] after 0 -> [] end.

e(F) -> try F() catch C:R -> {C, R} end.

%% A process that sends what it is told to, then acknowledges to From.
relay() ->
    receive
        {send, To, Msg, From} -> To ! Msg, From ! {done, self()}, relay();
        stop -> ok;
        {die, Reason} -> exit(Reason)
    end.

via(Relay, To, Msg) ->
    Relay ! {send, To, Msg, self()},
    receive {done, Relay} -> ok end.

start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

down(M) -> receive {'DOWN', M, process, _, Reason} -> {down, Reason} after 1000 -> no_down end.

run() ->
    P = spawn(fun relay/0),
    %% demonitor: active while the monitor is; demonitor/1 ends both.
    M1 = monitor(process, P, [{alias, demonitor}]),
    via(P, M1, d1),
    via(P, M1, d2),
    Demon1 = flush(),
    true = demonitor(M1),
    via(P, M1, d3),
    Demon2 = flush(),
    UD = unalias(M1),

    %% explicit_unalias: demonitor/1 leaves the alias active.
    M2 = monitor(process, P, [{alias, explicit_unalias}]),
    true = demonitor(M2),
    via(P, M2, e1),
    Explicit1 = flush(),
    UE1 = unalias(M2),
    via(P, M2, e2),
    Explicit2 = flush(),

    %% reply_demonitor: the first message ends the alias and the monitor.
    M3 = monitor(process, P, [{alias, reply_demonitor}]),
    via(P, M3, r1),
    via(P, M3, r2),
    Reply1 = flush(),
    RInfo = demonitor(M3, [info]),
    UR = unalias(M3),

    %% The monitored process exits: the 'DOWN' ends a demonitor alias but
    %% not an explicit one.
    Q = spawn(fun relay/0),
    M4 = monitor(process, Q, [{alias, demonitor}]),
    M5 = monitor(process, Q, [{alias, explicit_unalias}]),
    M6 = monitor(process, Q, [{alias, reply_demonitor}]),
    Q ! {die, bye},
    Downs = [down(M4), down(M5), down(M6)],
    M4 ! after_down4,
    M5 ! after_down5,
    M6 ! after_down6,
    AfterDown = flush(),
    UA = [unalias(M4), unalias(M5), unalias(M6)],

    %% A process already gone: the noproc 'DOWN' ends a demonitor alias.
    M7 = monitor(process, Q, [{alias, demonitor}]),
    M8 = monitor(process, Q, [{alias, explicit_unalias}]),
    Noproc = [down(M7), down(M8)],
    M7 ! noproc7,
    M8 ! noproc8,
    AfterNoproc = flush(),
    true = unalias(M8),

    %% Without an alias option the reference is no alias.
    M9 = monitor(process, P, []),
    M9 ! plain,
    Plain = flush(),
    U9 = unalias(M9),
    true = demonitor(M9),

    %% By name, and the last alias option counts.
    register(alias_relay, P),
    M10 = monitor(process, alias_relay, [{alias, explicit_unalias}, {alias, reply_demonitor}]),
    via(P, M10, n1),
    via(P, M10, n2),
    Named = flush(),
    NInfo = demonitor(M10, [info]),

    %% spawn_opt with {monitor, [{alias, Mode}]}.
    {S, SM} = spawn_opt(fun relay/0, [{monitor, [{alias, demonitor}]}]),
    via(S, SM, s1),
    S ! {die, done},
    SDown = down(SM),
    SM ! s2,
    Spawned = flush(),

    Errors = [e(fun() -> monitor(process, P, O) end)
              || O <- [foo, [bogus], [{alias, bogus}], [alias], [{alias, demonitor} | x]]]
        ++ [e(fun() -> spawn_opt(fun relay/0, [{monitor, [{alias, bogus}]}]) end),
            e(fun() -> monitor(port, P, [{alias, demonitor}]) end)],
    P ! stop,
    [{demonitor, Demon1, Demon2, UD}, {explicit, Explicit1, UE1, Explicit2},
     {reply_demonitor, Reply1, RInfo, UR}, {downs, Downs, AfterDown, UA},
     {noproc, Noproc, AfterNoproc}, {plain, Plain, U9}, {named, Named, NInfo},
     {spawn_opt, SDown, Spawned}, {errors, Errors}, {remaining, flush()}].
