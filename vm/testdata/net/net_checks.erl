%% Networking behaviour checked by vm/natives_net_test.go rather than by
%% the conformance corpus: the simulated network module and waiting socket
%% calls, which OTP cannot be the oracle for, and IPv6 and host names,
%% which not every machine has (the tests skip without ::1 or "localhost").
-module(net_checks).
-export([network/0, waiting_calls/0, ipv6/0, localhost/0, slow_peer/0]).

%% network: the station connects with the host's address; callbacks
%% (funs or pids) run; a second start fails; stop ends it.
network() ->
    {ok, {Addr, Mask, Gw}} = network:wait_for_sta([{ssid, "lab"}, {psk, "secret"}], 1000),
    Rssi = network:sta_rssi(),
    Again = network:start([{sta, []}]),
    ok = network:stop(),
    Self = self(),
    {ok, _} = network:start([{sta, [{connected, Self}, {got_ip, fun(Info) -> Self ! {got_ip, Info} end}]},
                             {ap, [{ap_started, Self}]},
                             {sntp, [{host, "pool.ntp.org"}, {synchronized, Self}]}]),
    Events = lists:sort([receive M -> element(1, tag(M)) after 1000 -> timeout end || _ <- [1, 2, 3, 4]]),
    ok = network:stop(),
    Ap = network:wait_for_ap([{ssid, "ap"}], 1000),
    ok = network:stop(),
    [{sta, is_addr(Addr) andalso is_addr(Mask) andalso is_addr(Gw)}, {rssi, Rssi},
     {again, element(1, Again)}, {events, Events}, {ap, Ap}, {down, network:sta_rssi()}].

tag(M) when is_atom(M) -> {M};
tag(M) -> M.

is_addr({A, B, C, D}) -> lists:all(fun(X) -> is_integer(X) andalso X >= 0 andalso X =< 255 end, [A, B, C, D]);
is_addr(_) -> false.

%% waiting_calls: processes blocked in accept and recv, with one
%% scheduler, leave the others running; their owner's death closes the
%% sockets and ends the waits; a waiting process that is killed does not
%% take data with it.
waiting_calls() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}]),
    {ok, Port} = inet:port(L),
    Self = self(),
    Acceptor = spawn(fun() -> Self ! {accepted, gen_tcp:accept(L)} end),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    Accepted = receive {accepted, {ok, _}} -> ok after 5000 -> timeout end,
    {ok, L2} = gen_tcp:listen(0, [binary, {active, false}]),
    Waiter = spawn(fun() -> Self ! {accept2, gen_tcp:accept(L2)} end),
    Reader = spawn(fun() -> Self ! {recv, gen_tcp:recv(C, 0)} end),
    Work = lists:sum(lists:seq(1, 100000)),
    ok = gen_tcp:close(L2),
    Accept2 = receive {accept2, R2} -> R2 after 5000 -> timeout end,
    ok = gen_tcp:close(C),
    Recv = receive {recv, R3} -> R3 after 5000 -> timeout end,
    %% A listener whose owner dies closes: its port is free again.
    Owner = spawn(fun() -> {ok, L3} = gen_tcp:listen(0, []), Self ! {port, inet:port(L3)}, receive stop -> ok end end),
    {ok, Port3} = receive {port, P} -> P after 5000 -> timeout end,
    Busy = gen_tcp:listen(Port3, []),
    Mon = erlang:monitor(process, Owner),
    exit(Owner, kill),
    receive {'DOWN', Mon, _, _, _} -> ok end,
    Free = gen_tcp:listen(Port3, []),
    %% Data for a recv whose process was killed while waiting goes to the
    %% next one.
    {ok, C4} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    {ok, S4} = gen_tcp:accept(L, 5000),
    {Victim, VMon} = spawn_monitor(fun() -> gen_tcp:recv(S4, 0) end),
    receive after 50 -> ok end,
    exit(Victim, kill),
    receive {'DOWN', VMon, _, _, _} -> ok end,
    ok = gen_tcp:send(C4, <<"for the living">>),
    Living = gen_tcp:recv(S4, 0, 5000),
    [gen_tcp:close(X) || X <- [C4, S4, L]],
    [{accepted, Accepted}, {work, Work}, {accept_after_close, Accept2}, {recv_after_close, Recv},
     {busy, Busy}, {free_after_owner_death, element(1, Free)}, {living, Living},
     {alive, [is_process_alive(P) || P <- [Acceptor, Waiter, Reader]]}].

%% ipv6: gen_tcp and gen_udp on ::1 with inet6; addresses are tuples of
%% eight words. OTP 25 returns the same (checked with erl).
ipv6() ->
    Loop = {0, 0, 0, 0, 0, 0, 0, 1},
    {ok, L} = gen_tcp:listen(0, [binary, inet6, {active, false}, {ip, Loop}]),
    {ok, {LAddr, Port}} = inet:sockname(L),
    {ok, C} = gen_tcp:connect(Loop, Port, [binary, {active, false}]),
    {ok, S} = gen_tcp:accept(L, 5000),
    ok = gen_tcp:send(C, <<"over ipv6">>),
    Got = gen_tcp:recv(S, 9, 5000),
    {ok, {PeerAddr, _}} = inet:peername(S),
    {ok, C2} = gen_tcp:connect("::1", Port, [binary, inet6, {active, true}]),
    {ok, S2} = gen_tcp:accept(L, 5000),
    ok = gen_tcp:send(S2, <<"back">>),
    Active = receive {tcp, C2, D} -> D after 5000 -> timeout end,
    [gen_tcp:close(X) || X <- [C, S, C2, S2, L]],
    {ok, U} = gen_udp:open(0, [binary, inet6, {active, false}, {ip, Loop}]),
    {ok, UPort} = inet:port(U),
    ok = gen_udp:send(U, Loop, UPort, <<"self">>),
    {ok, {UAddr, UPort, Dgram}} = gen_udp:recv(U, 0, 5000),
    gen_udp:close(U),
    [{listen, LAddr}, {got, Got}, {peer, PeerAddr}, {active, Active}, {udp, UAddr, Dgram},
     {ntoa, inet:ntoa(LAddr)}].

%% localhost: the name resolves and connects, as a string and as an atom.
localhost() ->
    {ok, L} = gen_tcp:listen(0, [{active, false}, {ip, loopback}]),
    {ok, Port} = inet:port(L),
    {ok, C} = gen_tcp:connect("localhost", Port, []),
    {ok, S} = gen_tcp:accept(L, 5000),
    {ok, U} = gen_udp:open(0, [{active, false}]),
    {ok, UPort} = inet:port(U),
    Sent = gen_udp:send(U, localhost, UPort, "hi"),
    {ok, {From, UPort, Data}} = gen_udp:recv(U, 0, 5000),
    [gen_tcp:close(X) || X <- [C, S, L]],
    gen_udp:close(U),
    [inet:getaddr("localhost", inet), inet:getaddr(localhost, inet), {udp, Sent, From, Data}].

%% slow_peer: sends the kernel cannot take at once finish later, whole and
%% in order, while the sender waits; {send_timeout, Ms} ends a send the
%% peer never reads, and {send_timeout_close, true} closes the socket then.
%% OTP 25 returns the same (checked with erl).
slow_peer() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}]),
    {ok, Port} = inet:port(L),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    {ok, S} = gen_tcp:accept(L, 5000),
    Chunks = [binary:copy(<<N>>, 1 bsl 20) || N <- lists:seq(1, 8)],
    Self = self(),
    spawn(fun() -> Self ! {sent, [gen_tcp:send(C, Chunk) || Chunk <- Chunks]} end),
    Received = recv_bytes(S, 8 bsl 20, []),
    Sent = receive {sent, R} -> R after 10000 -> timeout end,
    Whole = Received =:= iolist_to_binary(Chunks),
    {ok, C2} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {send_timeout, 200},
                                                      {send_timeout_close, true}]),
    {ok, S2} = gen_tcp:accept(L, 5000),
    TimedOut = send_until_error(C2, binary:copy(<<"x">>, 1 bsl 20), 100),
    AfterTimeout = gen_tcp:send(C2, <<"x">>),
    [gen_tcp:close(X) || X <- [C, S, C2, S2, L]],
    [{sent, lists:usort(Sent)}, {whole, Whole}, {timed_out, TimedOut}, {after_timeout, AfterTimeout}].

recv_bytes(_, 0, Acc) ->
    iolist_to_binary(lists:reverse(Acc));
recv_bytes(S, Left, Acc) ->
    {ok, B} = gen_tcp:recv(S, 0, 5000),
    recv_bytes(S, Left - byte_size(B), [B | Acc]).

send_until_error(_, _, 0) ->
    no_error;
send_until_error(S, Data, N) ->
    case gen_tcp:send(S, Data) of
        ok -> send_until_error(S, Data, N - 1);
        Error -> Error
    end.
