%% halt_app: ends the run with erlang:halt/1 while another process still
%% runs; avm exits with the status it gives, without a return value.
-module(halt_app).
-export([start/0]).

start() ->
    spawn(fun() -> receive never -> ok end end),
    io:format("halting~n"),
    erlang:halt(3),
    io:format("not reached~n").
