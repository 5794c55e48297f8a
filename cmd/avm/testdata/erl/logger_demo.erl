%% Logging as AtomVM's guide describes it: logger_manager started with a
%% configuration map, the ?LOG_* macros, logger's level functions, a report,
%% per-module levels, and the default handler turned off.
-module(logger_demo).

-include_lib("kernel/include/logger.hrl").

-export([start/0]).

start() ->
    {ok, _Pid} = logger_manager:start_link(#{}),
    test_default_logger(),
    ?LOG_INFO("below the default level: not printed"),
    logger:warning("no location from a function call"),
    ?LOG_ERROR(#{event => report, count => 3}),
    ok = logger_manager:stop(),

    {ok, _} = logger_manager:start_link(#{log_level => info,
                                          logger => [{module_level, error, [logger_demo]}]}),
    ?LOG_WARNING("quieted by the module level: not printed"),
    ?LOG_CRITICAL("critical gets through"),
    ok = logger_manager:stop(),

    {ok, _} = logger_manager:start_link(#{logger => [{handler, default, undefined}]}),
    ?LOG_EMERGENCY("no handler: not printed"),
    ok = logger_manager:stop(),
    ?LOG_ALERT("no logger_manager: not printed"),
    ok.

test_default_logger() ->
    ?LOG_NOTICE("Something happened that might require your attention: ~p", [that_thing]).
