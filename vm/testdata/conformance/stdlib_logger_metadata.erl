%% logger's process metadata: set, update (merge), get, unset, badarg.
-module(stdlib_logger_metadata).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

start() ->
    Before = logger:get_process_metadata(),
    ok = logger:set_process_metadata(#{request => 1}),
    Set = logger:get_process_metadata(),
    ok = logger:update_process_metadata(#{user => u, request => 2}),
    Updated = logger:get_process_metadata(),
    ok = logger:unset_process_metadata(),
    After = logger:get_process_metadata(),
    ok = logger:update_process_metadata(#{fresh => true}),
    Fresh = logger:get_process_metadata(),
    [{before, Before}, {set, Set}, {updated, Updated}, {unset, After}, {fresh, Fresh},
     {bad_set, t(fun() -> logger:set_process_metadata(not_a_map) end)},
     {bad_update, t(fun() -> logger:update_process_metadata([x]) end)}].
