%% An uncaught error deep in a call chain: avm prints a crash report.
-module(crash).
-export([start/0]).

start() ->
    Result = outer(3),
    {done, Result}.

outer(N) ->
    R = inner(N),
    R + 1.

inner(N) ->
    list_to_atom(N).
