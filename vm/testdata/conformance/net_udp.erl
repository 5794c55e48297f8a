%% gen_udp round trips on loopback: passive recv, active messages
%% {udp, S, Addr, Port, Data}, list mode, the send/3 and send/4 forms,
%% timeouts and errors.
-module(net_udp).
-export([start/0]).

start() ->
    {ok, A} = gen_udp:open(0, [binary, {active, false}, {ip, {127, 0, 0, 1}}]),
    {ok, B} = gen_udp:open(0, [binary, {active, false}, {reuseaddr, true}]),
    {ok, PA} = inet:port(A),
    {ok, PB} = inet:port(B),
    ok = gen_udp:send(A, {127, 0, 0, 1}, PB, <<"ping">>),
    {ok, {FromAddr, FromPort, Ping}} = gen_udp:recv(B, 0, 5000),
    ok = gen_udp:send(B, {{127, 0, 0, 1}, PA}, [<<"po">>, "ng"]),
    Pong = strip_port(gen_udp:recv(A, 0, 5000)),
    ok = gen_udp:send(B, "127.0.0.1", PA, <<>>),
    Empty = strip_port(gen_udp:recv(A, 0, 5000)),
    Timeout = gen_udp:recv(A, 0, 50),
    ok = inet:setopts(A, [{active, true}, list]),
    ok = gen_udp:send(B, {127, 0, 0, 1}, PA, <<"active">>),
    Active = receive {udp, A, Addr, Port, Data} -> {Addr, Port =:= PB, Data} after 5000 -> timeout end,
    ok = inet:setopts(A, [{active, 1}]),
    ok = gen_udp:send(B, {127, 0, 0, 1}, PA, <<"n">>),
    Counted = [receive M -> strip(M, A) after 5000 -> timeout end || _ <- [1, 2]],
    Opts = inet:getopts(A, [active, mode]),
    ok = gen_udp:close(A),
    SendClosed = gen_udp:send(A, {127, 0, 0, 1}, PB, <<"x">>),
    RecvClosed = gen_udp:recv(A, 0, 10),
    InUse = gen_udp:open(PB, [{ip, {127, 0, 0, 1}}]),
    BadOpt = (catch gen_udp:open(0, [bogus])),
    gen_udp:close(B),
    [{ping, FromAddr, FromPort =:= PA, Ping}, {pong, Pong}, {empty, Empty}, {timeout, Timeout},
     {active, Active}, {counted, Counted}, {opts, Opts}, {send_closed, SendClosed},
     {recv_closed, RecvClosed}, {in_use, InUse}, {bad_opt, BadOpt}].

strip({udp, S, Addr, _, Data}, S) -> {udp, Addr, Data};
strip({udp_passive, S}, S) -> udp_passive;
strip(M, _) -> {other, M}.

strip_port({ok, {Addr, _, Data}}) -> {ok, {Addr, Data}};
strip_port(Other) -> Other.
