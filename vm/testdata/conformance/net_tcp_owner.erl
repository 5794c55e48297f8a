%% Ownership: controlling_process/2 moves the socket and its queued
%% messages; only the owner may give it away; a socket closes when its
%% owner exits; accept and recv time out.
-module(net_tcp_owner).
-export([start/0]).

start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {packet, 1}, {active, false}]),
    {ok, Port} = inet:port(L),
    AcceptTimeout = gen_tcp:accept(L, 50),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {packet, 1}, {active, true}]),
    {ok, S} = gen_tcp:accept(L, 5000),
    RecvTimeout = gen_tcp:recv(S, 0, 50),
    ok = gen_tcp:send(S, <<"queued 1">>),
    ok = gen_tcp:send(S, <<"queued 2">>),
    timer_sleep(200),
    Self = self(),
    Heir = spawn(fun() -> heir(Self) end),
    Moved = gen_tcp:controlling_process(C, Heir),
    NotOwner = gen_tcp:controlling_process(C, self()),
    ok = gen_tcp:send(S, <<"after">>),
    HeirGot = receive {heir, Got} -> Got after 5000 -> heir_timeout end,
    Left = flush(),
    %% The heir has exited: its socket C is closed, and S sees the end.
    PeerEnd = gen_tcp:recv(S, 0, 5000),
    SendOnDead = gen_tcp:send(C, <<"x">>),
    %% A socket of a process that crashes closes too.
    {ok, C2} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {packet, 1}, {active, false}]),
    {ok, S2} = gen_tcp:accept(L, 5000),
    {Pid, Mon} = spawn_monitor(fun() -> receive go -> exit(crash) end end),
    ok = gen_tcp:controlling_process(C2, Pid),
    Pid ! go,
    Down = receive {'DOWN', Mon, process, Pid, Why} -> Why after 5000 -> no_down end,
    PeerEnd2 = gen_tcp:recv(S2, 0, 5000),
    ToDead = gen_tcp:controlling_process(S2, Pid),
    gen_tcp:close(S),
    gen_tcp:close(S2),
    gen_tcp:close(L),
    [{accept_timeout, AcceptTimeout}, {recv_timeout, RecvTimeout}, {moved, Moved},
     {not_owner, NotOwner}, {heir_got, HeirGot}, {left, Left}, {peer_end, PeerEnd},
     {send_on_dead, SendOnDead}, {down, Down}, {peer_end2, PeerEnd2}, {to_dead, ToDead}].

heir(Parent) ->
    Msgs = [receive {tcp, _, D} -> D after 5000 -> timeout end || _ <- [1, 2, 3]],
    Parent ! {heir, Msgs}.

flush() ->
    receive M -> [M | flush()] after 100 -> [] end.

timer_sleep(Ms) ->
    receive after Ms -> ok end.
