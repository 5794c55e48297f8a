%% logger configured through OTP's API, without logger_manager:start_link/1:
%% the first configuration call starts the service with its default handler.
%% A primary filter and a handler that crash are removed, as OTP's logger
%% does, and reported as OTP reports them; the default handler follows its
%% configured level; a plain string with a ~ is printed as it is.
-module(logger_failing).

-export([start/0, log/2, crash_filter/2]).

start() ->
    ok = logger:add_handler(crashy, ?MODULE, #{}),
    ok = logger:add_primary_filter(crashing, {fun ?MODULE:crash_filter/2, []}),
    logger:notice("tilde ~ kept in a plain string"),
    ok = logger:set_handler_config(default, level, error),
    logger:warning("not printed: below the default handler's level"),
    logger:error("printed by the default handler"),
    case {logger:get_handler_ids(), maps:get(filters, logger:get_primary_config())} of
        {[default], []} -> ok;
        Other -> Other
    end.

log(_Event, _Config) ->
    erlang:error(handler_crash).

crash_filter(_Event, _Arg) ->
    erlang:error(filter_crash).
