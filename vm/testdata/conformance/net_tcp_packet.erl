%% Framing: {packet, 1 | 2 | 4 | line | raw}, recv with a length in raw
%% mode, packet_size limits, and changing the framing with setopts.
-module(net_tcp_packet).
-export([start/0]).

start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}]),
    {ok, Port} = inet:port(L),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    {ok, S} = gen_tcp:accept(L),
    Results = [{P, framing(C, S, P)} || P <- [1, 2, 4]],
    ok = inet:setopts(C, [{packet, raw}]),
    ok = inet:setopts(S, [{packet, line}]),
    ok = gen_tcp:send(C, <<"first line\nsecond line\nthird">>),
    Line1 = gen_tcp:recv(S, 0),
    Line2 = gen_tcp:recv(S, 0),
    ok = gen_tcp:send(C, <<" part\n">>),
    Line3 = gen_tcp:recv(S, 0),
    ok = inet:setopts(S, [{packet, raw}]),
    ok = gen_tcp:send(C, <<"abcdefgh">>),
    Raw1 = gen_tcp:recv(S, 3),
    Raw2 = gen_tcp:recv(S, 5),
    ListMode = begin
                   ok = inet:setopts(S, [list, {packet, 2}]),
                   ok = inet:setopts(C, [{packet, 2}]),
                   ok = gen_tcp:send(C, "as a list"),
                   gen_tcp:recv(S, 0)
               end,
    ok = inet:setopts(S, [{packet_size, 4}]),
    Opts = inet:getopts(S, [packet, packet_size]),
    %% A packet over packet_size is an error, and ends the connection.
    ok = inet:setopts(S, [binary, {packet, 1}, {packet_size, 4}]),
    ok = inet:setopts(C, [{packet, raw}]),
    ok = gen_tcp:send(C, <<10, "0123456789">>),
    TooBig = gen_tcp:recv(S, 0, 1000),
    SendTooBig = gen_tcp:send(L, binary:copy(<<"x">>, 256)),
    gen_tcp:close(C),
    gen_tcp:close(S),
    gen_tcp:close(L),
    [{framed, Results}, {lines, Line1, Line2, Line3}, {raw, Raw1, Raw2},
     {too_big, TooBig, SendTooBig}, {opts, Opts}, {list_mode, ListMode}].

framing(C, S, P) ->
    ok = inet:setopts(C, [{packet, P}]),
    ok = inet:setopts(S, [{packet, raw}]),
    ok = gen_tcp:send(C, <<"abc">>),
    Wire = gen_tcp:recv(S, 3 + P),
    ok = inet:setopts(S, [{packet, P}]),
    ok = gen_tcp:send(C, <<"hello">>),
    ok = gen_tcp:send(C, <<>>),
    ok = gen_tcp:send(C, <<"!">>),
    {Wire, gen_tcp:recv(S, 0), gen_tcp:recv(S, 0), gen_tcp:recv(S, 0)}.
