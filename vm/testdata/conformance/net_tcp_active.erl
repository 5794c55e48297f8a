%% Active modes: {active, true}, once and N ({tcp_passive, S}), messages
%% {tcp, S, Data} and {tcp_closed, S}, with {packet, 2} so that every
%% message is one packet whatever the segments.
-module(net_tcp_active).
-export([start/0]).

start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {packet, 2}, {active, true}]),
    {ok, Port} = inet:port(L),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {packet, 2}, {active, false}]),
    {ok, S} = gen_tcp:accept(L),
    True = [begin ok = gen_tcp:send(C, M), take(S) end || M <- [<<"a">>, <<"bc">>, <<>>]],
    ok = inet:setopts(S, [{active, once}]),
    [ok = gen_tcp:send(C, M) || M <- [<<"1">>, <<"2">>, <<"3">>]],
    Once1 = take(S),
    NoMore = none(S),
    ok = inet:setopts(S, [{active, once}]),
    Once2 = take(S),
    ok = inet:setopts(S, [{active, 2}]),
    N1 = take(S),
    [ok = gen_tcp:send(C, M) || M <- [<<"4">>, <<"5">>]],
    N2 = take(S),
    Passive = take(S),
    ActiveAfterN = inet:getopts(S, [active]),
    N3 = none(S),
    Recv = gen_tcp:recv(S, 0, 1000),
    ok = inet:setopts(S, [{active, 5}]),
    ok = inet:setopts(S, [{active, -2}]),
    Counter = inet:getopts(S, [active]),
    ok = inet:setopts(S, [{active, -3}]),
    Counter0 = {inet:getopts(S, [active]), take(S)},
    ok = inet:setopts(S, [{active, true}]),
    ok = gen_tcp:close(C),
    Closed = take(S),
    AfterClose = none(S),
    RecvActive = gen_tcp:recv(S, 0),
    gen_tcp:close(S),
    gen_tcp:close(L),
    [{true, True}, {once, Once1, NoMore, Once2}, {n, N1, N2, Passive, ActiveAfterN, N3, Recv},
     {counter, Counter, Counter0}, {closed, Closed, AfterClose, RecvActive}].

%% take waits for a message that should come; none checks that none does.
take(S) ->
    take(S, 5000).

none(S) ->
    take(S, 100).

take(S, Timeout) ->
    receive
        {tcp, S, Data} -> {tcp, Data};
        {tcp_closed, S} -> tcp_closed;
        {tcp_passive, S} -> tcp_passive;
        {tcp_error, S, R} -> {tcp_error, R};
        Other -> {other, Other}
    after Timeout -> nothing
    end.
