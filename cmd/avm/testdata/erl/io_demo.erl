%% io on the console: formatted output to stdout and stderr, line and
%% character input from stdin, the I/O protocol with a process that is
%% the group leader of another one, and the console's encoding option.
-module(io_demo).
-export([start/0]).

start() ->
    io:format("hello~n"),
    io:fwrite("fwrite/1~n"),
    io:format("~s ~w ~b ~.2f ~-8s| ~8.3.0b~n", ["text", {a, 'B', [1]}, 42, 3.14159, "left", 5]),
    io:format("~p~n", [{state, lists:seq(1, 30), #{name => "avm", tags => [io, format]}}]),
    io:put_chars("put_chars\n"),
    io:put_chars(<<"from a binary">>),
    io:nl(),
    io:write({written, [1, 2]}),
    io:nl(),
    io:format(user, "to user~n", []),
    io:format("~ts|~tp~n", [[1087, 1088], [1087, 1088]]),
    io:format(standard_error, "warning: ~p~n", [{disk, 93}]),
    io:put_chars(standard_error, "stderr line\n"),
    io:format("~p~n", [try io:format("~p", []) catch C:R -> {C, R} end]),
    Name = io:get_line("name? "),
    io:format("name: ~p~n", [Name]),
    Chars = io:get_chars("", 3),
    io:format("chars: ~p~n", [Chars]),
    Rest = read_lines([]),
    io:format("rest: ~p~n", [Rest]),
    io:format("captured: ~s", [captured()]),
    io:format("~p ~p~n", [io:getopts(), io:getopts(standard_error)]),
    ok = io:setopts([{encoding, unicode}]),
    io:format("~p ~ts ~s~n", [io:getopts(), [1087, 1088], [233]]),
    io:format("~p~n", [io:setopts([bogus])]),
    ok.

read_lines(Acc) ->
    case io:get_line('') of
        eof -> lists:reverse(Acc);
        Line -> read_lines([Line | Acc])
    end.

%% A child whose group leader is a collecting I/O server: its io:format
%% output reaches the server as I/O requests.
captured() ->
    Server = spawn(fun() -> serve([]) end),
    Self = self(),
    Child = spawn(fun() ->
                          receive go -> ok end,
                          io:format("child ~w~n", [self() =/= undefined]),
                          io:put_chars(["more", $\n]),
                          Self ! done
                  end),
    group_leader(Server, Child),
    Child ! go,
    receive done -> ok end,
    Server ! {get, self()},
    receive {text, Text} -> Text end.

serve(Acc) ->
    receive
        {io_request, From, Ref, {put_chars, unicode, M, F, A}} ->
            From ! {io_reply, Ref, ok},
            serve([apply(M, F, A) | Acc]);
        {io_request, From, Ref, {put_chars, unicode, Chars}} ->
            From ! {io_reply, Ref, ok},
            serve([Chars | Acc]);
        {get, From} ->
            From ! {text, iolist_to_binary(lists:reverse(Acc))}
    end.
