%% TCP echo server and client in one program, loopback only: passive
%% recv, binary and list modes, sockname/peername shapes, close.
-module(net_tcp_echo).
-export([start/0]).

start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, {127, 0, 0, 1}}, {reuseaddr, true}, {backlog, 16}]),
    {ok, Port} = inet:port(L),
    {ok, {LAddr, Port}} = inet:sockname(L),
    Self = self(),
    Server = spawn(fun() -> server(L, Self) end),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    Replies = [echo(C, Msg) || Msg <- [<<"hello">>, <<"world">>, list_to_binary(lists:seq(0, 255)), iolist_to_binary(lists:duplicate(1000, <<"0123456789">>))]],
    {ok, {PeerAddr, PeerPort}} = inet:peername(C),
    {ok, {_, CPort}} = inet:sockname(C),
    ok = gen_tcp:send(C, [<<"io">>, $l, "ist"]),
    IoList = gen_tcp:recv(C, 6),
    ok = gen_tcp:close(C),
    ServerSaw = receive {server, Ended} -> Ended after 5000 -> no_server_end end,
    Peer = receive {peer, SPort} -> SPort =:= CPort after 5000 -> no_peer end,
    {ok, C2} = gen_tcp:connect("127.0.0.1", Port, [list, {active, false}]),
    ok = gen_tcp:send(C2, "list mode"),
    ListReply = gen_tcp:recv(C2, 9, 5000),
    Opts = inet:getopts(C2, [active, mode, packet]),
    gen_tcp:close(C2),
    gen_tcp:close(L),
    Server ! stop,
    [{listen_addr, LAddr}, {port_ok, is_integer(Port) andalso Port > 0},
     {replies, Replies}, {iolist, IoList}, {peer, PeerAddr, PeerPort =:= Port},
     {server_saw, ServerSaw}, {server_peer_port, Peer}, {list_reply, ListReply}, {list_opts, Opts},
     {closed_send, gen_tcp:send(C, <<"x">>)}, {closed_recv, gen_tcp:recv(C, 0)},
     {closed_close, gen_tcp:close(C)}, {is_port, is_port(C)}].

echo(C, Msg) ->
    ok = gen_tcp:send(C, Msg),
    recv_all(C, byte_size(Msg), <<>>).

recv_all(_, 0, Acc) ->
    Acc =:= Acc andalso {ok, byte_size(Acc), erlang:md5(Acc)};
recv_all(C, N, Acc) ->
    case gen_tcp:recv(C, 0, 5000) of
        {ok, B} -> recv_all(C, N - byte_size(B), <<Acc/binary, B/binary>>);
        Error -> Error
    end.

server(L, Parent) ->
    {ok, S} = gen_tcp:accept(L),
    {ok, {_, PeerPort}} = inet:peername(S),
    Parent ! {peer, PeerPort},
    Parent ! {server, loop(S)},
    {ok, S2} = gen_tcp:accept(L, 5000),
    loop(S2),
    receive stop -> ok end.

loop(S) ->
    case gen_tcp:recv(S, 0) of
        {ok, Data} -> ok = gen_tcp:send(S, Data), loop(S);
        {error, Reason} -> Reason
    end.
