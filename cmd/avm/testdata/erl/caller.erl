%% Calls a module that is not given on the command line: avm finds
%% callee.beam beside caller.beam.
-module(caller).
-export([start/0]).

start() ->
    3 = callee:add(1, 2),
    ok.
