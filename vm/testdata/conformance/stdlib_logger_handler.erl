%% logger scenario: a custom handler module, the primary level, module
%% levels, the ?LOG_* macros, logger:Level functions, format strings and
%% reports. The handler reports each event it gets to the test process; the
%% result lists them. Setup differs: OTP's logger is configured with its
%% API, AtomVM's through logger_manager:start_link/1 as its guide says.
-module(stdlib_logger_handler).

-include_lib("kernel/include/logger.hrl").

-export([start/0, log/2]).

-define(TEST, stdlib_logger_handler_test).

start() ->
    register(?TEST, self()),
    Saved = setup(erlang:system_info(machine)),
    R1 = phase(),
    ok = logger:set_module_level(?MODULE, debug),
    R2 = phase(),
    ok = logger:set_module_level(?MODULE, error),
    R3 = phase(),
    ok = logger:unset_module_level(?MODULE),
    ok = logger:set_primary_config(level, warning),
    R4 = phase(),
    Formats = formats(),
    Handler = handler_level(),
    After = teardown(erlang:system_info(machine), Saved),
    [{notice, R1}, {module_debug, R2}, {module_error, R3}, {primary_warning, R4},
     {formats, Formats}, {handler_level, Handler}, {after_teardown, After}].

%% setup: the test handlers alone, primary level notice. On OTP the
%% configuration is saved, to be put back by teardown (the default handler
%% off meanwhile, so that nothing is printed).
setup("BEAM") ->
    Primary = logger:get_primary_config(),
    {ok, Default} = logger:get_handler_config(default),
    ok = logger:set_primary_config(level, notice),
    ok = logger:remove_handler(default),
    ok = logger:add_handler(test_h, ?MODULE, #{level => all}),
    ok = logger:add_handler(picky_h, ?MODULE, #{level => error}),
    {Primary, Default};
setup(_) ->
    {ok, _} = logger_manager:start_link(
                #{log_level => notice,
                  logger => [{handler, default, undefined},
                             {handler, test_h, ?MODULE, #{level => all}},
                             {handler, picky_h, ?MODULE, #{level => error}}]}),
    none.

%% teardown: the handlers gone, events go nowhere (phase/0 again); then OTP's
%% configuration is put back.
teardown("BEAM", {Primary, #{module := DefaultModule} = Default}) ->
    ok = logger:remove_handler(test_h),
    ok = logger:remove_handler(picky_h),
    After = phase(),
    ok = logger:set_primary_config(Primary),
    ok = logger:add_handler(default, DefaultModule, Default),
    After;
teardown(_, none) ->
    ok = logger_manager:stop(),
    phase().

%% phase(): one event at each level, through the macros and the functions.
phase() ->
    ?LOG_DEBUG("debug ~p", [1]),
    ?LOG_INFO("info"),
    ?LOG_NOTICE("notice ~s", ["two"]),
    ?LOG_WARNING(#{what => warning}),
    ?LOG_ERROR("error ~p", [3], #{extra => meta}),
    logger:info("plain info"),
    logger:notice("plain notice"),
    logger:error("plain ~w", [error]),
    logger:critical(#{what => critical}),
    logger:log(alert, "log ~w", [alert]),
    events().

formats() ->
    ?LOG_ALERT("no args"),
    ?LOG_ALERT("~p and ~p", [a, "b"]),
    ?LOG_ALERT(#{a => 1, b => [2]}),
    ?LOG(emergency, "via ?LOG ~w", [x]),
    logger:emergency("~s", [<<"binary arg">>]),
    logger:alert(#{report => map}, #{meta => 1}),
    events().

handler_level() ->
    logger:warning("only test_h"),
    logger:error("both handlers"),
    events().

%% events(): the events the handlers got, each with the handlers that got
%% it (the order in which OTP runs its handlers is not specified).
events() ->
    group(receive_all()).

receive_all() ->
    receive
        {event, Id, Level, Text, Where} -> [{{Level, Text, Where}, Id} | receive_all()]
    after 0 -> []
    end.

group([{Event, Id} | Rest]) ->
    {Same, Others} = lists:splitwith(fun({E, _}) -> E =:= Event end, Rest),
    [{Event, lists:sort([Id | [I || {_, I} <- Same]])} | group(Others)];
group([]) ->
    [].

%% The handler: tells the test process what it got.
log(#{level := Level, msg := Msg, meta := Meta}, #{id := Id}) ->
    ?TEST ! {event, Id, Level, text(Msg), where(Meta)}.

text({string, S}) -> lists:flatten(io_lib:format("~ts", [S]));
text({report, R}) -> {report, lists:sort(maps:to_list(R))};
text({Format, Args}) -> lists:flatten(io_lib:format(Format, Args)).

where(#{location := #{mfa := MFA}}) -> MFA;
where(#{mfa := MFA}) -> MFA;
where(_) -> none.
