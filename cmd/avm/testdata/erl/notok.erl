%% start/0 returns something other than ok: exit status 1.
-module(notok).
-export([start/0]).

start() -> {error, "not ok"}.
