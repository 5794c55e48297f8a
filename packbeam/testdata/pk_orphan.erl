%% pk_orphan: nothing refers to it; prune drops it. It exports start/0
%% too, so that it competes as an entry point.
-module(pk_orphan).
-export([start/0]).

start() ->
    {error, "not this one"}.
