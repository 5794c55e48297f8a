%% plugin: the module inside the archive that addpack.erl loads at run time.
-module(plugin).
-export([start/0]).

start() ->
    hello_from_plugin.
