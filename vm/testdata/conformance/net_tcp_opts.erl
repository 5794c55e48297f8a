%% inet options OTP accepts and reports: buffers, timeouts, linger,
%% watermarks, line_delimiter; options given to listen pass to accepted
%% sockets; bad values.
-module(net_tcp_opts).
-export([start/0]).

start() ->
    Names = [buffer, send_timeout, send_timeout_close, linger, delay_send, deliver, priority, tos,
             high_watermark, low_watermark, show_econnreset, nodelay, keepalive, exit_on_close],
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {recbuf, 65536}, {sndbuf, 32768}, {buffer, 4096},
                                 {send_timeout, 1000}, {send_timeout_close, true}, {linger, {true, 5}},
                                 {delay_send, true}, {deliver, term}, {priority, 3}, {tos, 16},
                                 {high_watermark, 16384}, {low_watermark, 4096}, {show_econnreset, true},
                                 {nodelay, true}, {keepalive, true}]),
    Listen = inet:getopts(L, Names),
    {ok, Port} = inet:port(L),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, line}, {line_delimiter, $;}]),
    {ok, S} = gen_tcp:accept(L, 5000),
    Accepted = inet:getopts(S, Names),
    Set = inet:setopts(S, [{buffer, 1000}, {send_timeout, infinity}, {nodelay, false}]),
    After = inet:getopts(S, [buffer, send_timeout, nodelay]),
    ok = gen_tcp:send(S, <<"one;two;">>),
    Lines = [gen_tcp:recv(C, 0, 5000), gen_tcp:recv(C, 0, 5000)],
    Delim = inet:getopts(C, [line_delimiter]),
    BadLinger = (catch gen_tcp:listen(0, [{linger, bad}])),
    BadSet = inet:setopts(S, [{send_timeout, -1}]),
    [gen_tcp:close(X) || X <- [C, S, L]],
    [{listen, Listen}, {accepted, Accepted}, {set, Set, After}, {lines, Lines, Delim},
     {bad_linger, BadLinger}, {bad_set, BadSet}].
