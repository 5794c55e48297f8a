%% logger's configuration API as OTP documents it: handlers added with
%% add_handler/3 (their callbacks, configs read back with OTP's defaults,
%% set/update of handler configs), primary and handler filters (stop,
%% ignore, a changed event, filter_default), primary config and metadata,
%% module and application levels, and the errors of bad arguments. (A
%% failing filter or handler is removed, but OTP says so with
%% erlang:display on standard output, which these programs must not print.) The handler is this module: it
%% tells the test process what it got, so results are deterministic.
-module(stdlib_logger_config).

-include_lib("kernel/include/logger.hrl").

-export([start/0, log/2, adding_handler/1, removing_handler/1, changing_config/3]).
-export([tag_filter/2, stop_secret/2, ignore_all/2]).

-define(TEST, stdlib_logger_config_test).

start() ->
    register(?TEST, self()),
    Primary = logger:get_primary_config(),
    {ok, Default} = logger:get_handler_config(default),
    ok = logger:remove_handler(default),
    ok = logger:set_primary_config(level, info),
    Results = cases(),
    [ok = logger:remove_handler(Id) || Id <- logger:get_handler_ids()],
    ok = logger:set_primary_config(Primary),
    ok = logger:add_handler(default, maps:get(module, Default), Default),
    Results.

cases() ->
    Add = [{add, logger:add_handler(h1, ?MODULE, #{level => info, config => #{tag => one}})},
           {callbacks, messages()},
           {again, logger:add_handler(h1, ?MODULE, #{})},
           {bad_level, logger:add_handler(h9, ?MODULE, #{level => loud})},
           {bad_id, logger:add_handler("h9", ?MODULE, #{})},
           {bad_config, logger:add_handler(h9, ?MODULE, [level])},
           {bad_filter_default, logger:add_handler(h9, ?MODULE, #{filter_default => perhaps})},
           {no_log, logger:add_handler(h9, lists, #{})},
           {refused, logger:add_handler(refuse, ?MODULE, #{})},
           {config, stable(logger:get_handler_config(h1))},
           {missing, logger:get_handler_config(nope)},
           {ids, lists:sort(logger:get_handler_ids())}],
    logger:info("first ~p", [1]),
    logger:debug("below the handler level"),
    ?LOG_NOTICE("from a macro"),
    logger:warning(#{what => report}),
    First = [{events, events()}],
    ok = logger:add_handler(h2, ?MODULE, #{level => warning, filter_default => stop,
                                           filters => [{ignore, {fun ?MODULE:ignore_all/2, x}}]}),
    ok = logger:add_handler_filter(h1, secret, {fun ?MODULE:stop_secret/2, []}),
    Filters = [{dup_filter, logger:add_handler_filter(h1, secret, {fun ?MODULE:stop_secret/2, []})},
               {bad_filter, logger:add_handler_filter(h1, bad, not_a_filter)},
               {no_handler_filter, logger:add_handler_filter(nope, f, {fun ?MODULE:stop_secret/2, []})},
               {primary_filter, logger:add_primary_filter(tag, {fun ?MODULE:tag_filter/2, tagged})}],
    logger:warning("with filters"),
    logger:warning("secret one", #{secret => true}),
    logger:error("error too"),
    Filtered = [{filtered, events()},
                {remove_filter, logger:remove_handler_filter(h1, secret)},
                {remove_again, logger:remove_handler_filter(h1, secret)},
                {remove_primary, logger:remove_primary_filter(tag)},
                {remove_primary_again, logger:remove_primary_filter(tag)}],
    ok = logger:set_handler_config(h2, filter_default, log),
    logger:warning("h2 logs what its filters ignore"),
    Default = [{filter_default_log, events()}],
    Change = [{set_level, logger:set_handler_config(h1, level, debug)},
              {callback, messages()},
              {bad_change, logger:set_handler_config(h1, id, other)},
              {bad_module, logger:update_handler_config(h1, #{module => lists})},
              {bad_value, logger:set_handler_config(h1, filter_default, perhaps)},
              {not_found, logger:set_handler_config(nope, level, info)},
              {update, logger:update_handler_config(h1, #{config => #{tag => two}, extra => 1})},
              {updated, stable(logger:get_handler_config(h1))},
              {set, logger:set_handler_config(h1, #{level => notice})},
              {set_config, stable(logger:get_handler_config(h1))},
              {update_key, logger:update_handler_config(h1, config, #{tag => three})},
              {formatter, logger:update_formatter_config(h1, #{single_line => true})},
              {formatter_key, logger:update_formatter_config(h1, depth, 5)},
              {formatter_read, formatter(logger:get_handler_config(h1))},
              {formatter_bad, logger:update_formatter_config(h1, not_a_map)},
              {formatter_missing, logger:update_formatter_config(nope, #{depth => 1})},
              {own_formatter, logger:set_handler_config(h1, formatter, {no_such_formatter, #{}})},
              {bad_formatter, logger:set_handler_config(h1, formatter, no_tuple)},
              {messages, messages()}],
    Primary = primary(),
    Levels = levels(),
    Removal = [{remove, logger:remove_handler(h2)}, {removing, messages()},
               {remove_again, logger:remove_handler(h2)}],
    Add ++ First ++ Filters ++ Filtered ++ Default ++ Change ++ Primary ++ Levels ++ Removal.

primary() ->
    ok = logger:set_handler_config(h1, level, all),
    Bad = [{bad_primary_level, logger:set_primary_config(level, loud)},
           {bad_primary_key, logger:set_primary_config(colour, blue)},
           {bad_primary_map, logger:set_primary_config(#{level => info, colour => blue})},
           {bad_metadata, logger:set_primary_config(metadata, [x])},
           {not_a_map, logger:set_primary_config(level)}],
    ok = logger:set_primary_config(metadata, #{app => demo, user => primary}),
    logger:notice("with primary metadata"),
    logger:set_process_metadata(#{user => process}),
    logger:notice("with process metadata"),
    logger:notice("with call metadata", #{user => call}),
    logger:unset_process_metadata(),
    Meta = [{metadata, events()}],
    ok = logger:update_primary_config(#{level => error}),
    Updated = stable_primary(logger:get_primary_config()),
    logger:warning("below primary"),
    logger:error("at primary"),
    Level = [{updated_primary, Updated}, {primary_level, events()}],
    ok = logger:set_primary_config(#{level => debug}),
    Reset = stable_primary(logger:get_primary_config()),
    ok = logger:set_primary_config(filter_default, stop),
    logger:error("stopped by filter_default"),
    Stopped = events(),
    ok = logger:set_primary_config(filter_default, log),
    logger:debug(fun(X) -> {"lazy ~p", [X]} end, 7),
    logger:debug(fun(_) -> {"lazy with meta", #{user => lazy}} end, x),
    logger:debug(fun(_) -> ignore end, x),
    Lazy = events(),
    Bad ++ Meta ++ Level ++ [{reset_primary, Reset}, {stopped, Stopped}, {lazy, Lazy}].

levels() ->
    ok = logger:set_primary_config(level, notice),
    Set = [{set_module, logger:set_module_level(?MODULE, debug)},
           {set_modules, logger:set_module_level([mod_a, mod_b], error)},
           {get_all, logger:get_module_level()},
           {get_one, logger:get_module_level(mod_a)},
           {get_some, logger:get_module_level([mod_b, mod_c])},
           {bad_modules, logger:set_module_level("mod", info)},
           {bad_level, logger:set_module_level(mod_a, loud)},
           {app_level, logger:set_application_level(no_such_app, info)},
           {app_unset, logger:unset_application_level(no_such_app)},
           {allow_debug, logger:allow(debug, ?MODULE)},
           {allow_other, logger:allow(info, mod_c)}],
    ?LOG_DEBUG("module debug"),
    logger:info("module info", #{mfa => {?MODULE, levels, 0}}),
    logger:warning("mod_a warning", #{mfa => {mod_a, f, 0}}),
    logger:error("mod_a error", #{mfa => {mod_a, f, 0}}),
    Logged = [{module_events, events()}],
    Unset = [{unset_one, logger:unset_module_level(mod_a)},
             {after_unset, logger:get_module_level()},
             {bad_unset, logger:unset_module_level(["x"])},
             {unset_all, logger:unset_module_level()},
             {after_unset_all, logger:get_module_level()}],
    ?LOG_DEBUG("module debug again"),
    Set ++ Logged ++ Unset ++ [{after_levels, events()}].

%% What the handler gets: one message per event, with the handler's id, and
%% the keys of the config it was given.

log(#{level := Level, msg := Msg, meta := Meta}, #{id := Id} = Config) ->
    ?TEST ! {event, Id, Level, msg(Msg), sorted(maps:with([app, user, tag, secret], Meta)),
             lists:sort(maps:keys(Config)), maps:get(config, Config, none)}.

msg({report, Report}) -> {report, sorted(Report)};
msg(Msg) -> Msg.

adding_handler(#{id := refuse}) ->
    {error, refused};
adding_handler(Config) ->
    ?TEST ! {adding, maps:get(id, Config)},
    {ok, Config#{added => true}}.

removing_handler(#{id := Id}) ->
    ?TEST ! {removing, Id},
    ok.

changing_config(SetOrUpdate, #{id := Id}, New) ->
    ?TEST ! {changing, Id, SetOrUpdate},
    {ok, New}.

tag_filter(#{meta := Meta} = Event, Tag) ->
    Event#{meta := Meta#{tag => Tag}}.

stop_secret(#{meta := #{secret := true}}, _) -> stop;
stop_secret(_, _) -> ignore.

ignore_all(_, _) -> ignore.

events() ->
    group(collect(event)).

messages() ->
    collect(other).

collect(event) ->
    receive
        {event, Id, Level, Msg, Meta, Keys, Config} ->
            [{{Level, Msg, Meta, Keys, Config}, Id} | collect(event)]
    after 0 -> []
    end;
collect(other) ->
    receive
        M when element(1, M) =/= event -> [M | collect(other)]
    after 0 -> []
    end.

%% group: the events with the handlers that got each (the order in which
%% handlers run is not specified).
group([{Event, Id} | Rest]) ->
    {Same, Others} = lists:splitwith(fun({E, _}) -> E =:= Event end, Rest),
    [{Event, lists:sort([Id | [I || {_, I} <- Same]])} | group(Others)];
group([]) ->
    [].

%% Configurations are compared as sorted lists of their stable keys (OTP 26
%% and later print maps in another key order).
stable({ok, Config}) ->
    {ok, sorted(maps:with([id, module, level, filter_default, formatter, config, added, extra], Config)),
     filter_ids(Config)};
stable(Other) ->
    Other.

stable_primary(Config) ->
    {sorted(maps:with([level, filter_default], Config)), sorted(maps:get(metadata, Config)),
     filter_ids(Config)}.

sorted(Map) -> lists:sort(maps:to_list(Map)).

filter_ids(#{filters := Filters}) -> [Id || {Id, _} <- Filters].

formatter({ok, #{formatter := {Module, Config}}}) -> {Module, sorted(Config)}.
