%% A gen_server-like call: monitor the server, send {Ref, Req}, wait for reply or DOWN; casts; timeouts.
-module(proc_call_server).
-compile([export_all, nowarn_export_all]).

server(State) ->
    receive
        {call, From, Ref, get} -> From ! {Ref, State}, server(State);
        {call, From, Ref, {set, V}} -> From ! {Ref, ok}, server(V);
        {call, _From, _Ref, crash} -> exit({server_crash, State});
        {call, _From, _Ref, ignore} -> server(State);
        {call, From, Ref, stop} -> From ! {Ref, stopping}, exit(normal);
        {cast, {add, N}} -> server(State + N)
    end.

call(Server, Req, Timeout) ->
    Mref = monitor(process, Server),
    catch Server ! {call, self(), Mref, Req},    % a free name: badarg, DOWN says noproc
    receive
        {Mref, Reply} -> demonitor(Mref, [flush]), {ok, Reply};
        {'DOWN', Mref, process, _, Reason} -> {error, Reason}
    after Timeout ->
        demonitor(Mref, [flush]),
        {error, timeout}
    end.

cast(Server, Msg) -> Server ! {cast, Msg}, ok.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    S = spawn(?MODULE, server, [0]),
    register(proc_call_server_s, S),
    C1 = call(S, get, 1000),
    C2 = call(proc_call_server_s, {set, 10}, 1000),
    ok = cast(S, {add, 5}),
    ok = cast(proc_call_server_s, {add, 7}),
    C3 = call(S, get, 1000),
    C4 = call(S, ignore, 50),                 % no reply: times out
    C5 = call(S, get, 1000),                  % server still fine
    %% Many clients at once.
    Me = self(),
    [spawn(fun() -> Me ! {client, I, call(S, get, 1000)} end) || I <- seqn(1, 10)],
    Clients = [receive {client, I, R} -> R after 1000 -> timeout end || I <- seqn(1, 10)],
    C6 = call(S, crash, 1000),                % server dies: DOWN gives the reason
    C7 = call(S, get, 1000),                  % dead server: noproc
    C8 = call(proc_call_server_s, get, 1000), % its name went with it
    S2 = spawn(?MODULE, server, [1]),
    C9 = call(S2, stop, 1000),
    %% No stray replies or DOWN messages are left behind.
    Left = receive Any -> {extra, Any} after 50 -> none end,
    [{c1, C1}, {c2, C2}, {c3, C3}, {c4, C4}, {c5, C5}, {clients, Clients},
     {c6, C6}, {c7, C7}, {c8, C8}, {c9, C9}, {left, Left}].

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].
