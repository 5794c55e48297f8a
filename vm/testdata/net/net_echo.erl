%% The echo server of the networking benchmark (vm/net_bench_test.go),
%% run on avm and on erl: it listens on 127.0.0.1:Port, echoes each
%% connection's bytes from a process of its own (passive recv), and
%% returns when a client sends "quit".
-module(net_echo).
-export([serve/1]).

serve(Port) ->
    {ok, L} = gen_tcp:listen(Port, [binary, {active, false}, {ip, {127, 0, 0, 1}},
                                    {reuseaddr, true}, {backlog, 128}, {nodelay, true}]),
    Self = self(),
    spawn_link(fun() -> accept_loop(L, Self) end),
    receive
        quit -> gen_tcp:close(L), ok
    end.

accept_loop(L, Parent) ->
    case gen_tcp:accept(L) of
        {ok, S} ->
            Pid = spawn(fun() -> receive go -> echo(S, Parent) end end),
            ok = gen_tcp:controlling_process(S, Pid),
            Pid ! go,
            accept_loop(L, Parent);
        {error, closed} ->
            ok
    end.

echo(S, Parent) ->
    case gen_tcp:recv(S, 0) of
        {ok, <<"quit">>} -> Parent ! quit;
        {ok, Data} -> ok = gen_tcp:send(S, Data), echo(S, Parent);
        {error, _} -> gen_tcp:close(S)
    end.
