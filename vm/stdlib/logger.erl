%% The logger module of avm's bundled standard library: the logging API of
%% OTP's logger, as AtomVM provides it, and OTP's configuration API. An
%% event passes the primary level (or the level set for the logging
%% module) held by logger_manager, then the primary filters, then, for each
%% handler, its level and its filters; each handler's Module:log(Event,
%% Config) runs in the process that logged, with the handler's
%% configuration less level, filters and filter_default, as OTP's does.
%% Filters follow OTP: a filter returns stop, ignore or a changed event;
%% when every filter ignored the event, filter_default (log or stop)
%% decides. A filter or handler that fails is removed and reported.
%%
%% The ?LOG_* macros of OTP's logger.hrl (OTP 25 to 29) expand to
%% logger:allow(Level, ?MODULE) and logger:macro_log(Location, Level, ...),
%% both served here. Until logger_manager:start_link/1 has run, nothing is
%% logged, as on AtomVM; the configuration functions (add_handler/3,
%% set_primary_config/2…) start the service when it is not running, since
%% OTP's logger is always there.
%%
%% Application levels: set_application_level/2 finds an application's
%% modules with application:get_key(App, modules), which knows only the
%% applications whose resource file avm has loaded (none so far), so it
%% answers {error, {not_loaded, App}} otherwise, as OTP does for an
%% application that is not loaded.
%%
%% An event is the map AtomVM's guide describes, #{timestamp (microseconds
%% since the epoch), level, pid, msg, meta}, with OTP's messages
%% ({Format, Args}, {report, Report} or {string, String}) and OTP's
%% metadata: the location of a ?LOG_* macro (mfa, line, file; also under
%% location, as AtomVM gives it), the primary metadata, the process
%% metadata and the call's, in that order of precedence, with pid, gl and
%% time added.
-module(logger).

-compile({no_auto_import, [error/2, error/3]}).

-export([allow/2, compare_levels/2,
         emergency/1, emergency/2, emergency/3,
         alert/1, alert/2, alert/3,
         critical/1, critical/2, critical/3,
         error/1, error/2, error/3,
         warning/1, warning/2, warning/3,
         notice/1, notice/2, notice/3,
         info/1, info/2, info/3,
         debug/1, debug/2, debug/3,
         log/2, log/3, log/4,
         macro_log/3, macro_log/4, macro_log/5,
         add_handler/3, remove_handler/1,
         get_handler_config/0, get_handler_config/1, get_handler_ids/0,
         set_handler_config/2, set_handler_config/3,
         update_handler_config/2, update_handler_config/3,
         update_formatter_config/2, update_formatter_config/3,
         add_primary_filter/2, remove_primary_filter/1,
         add_handler_filter/3, remove_handler_filter/2,
         set_primary_config/1, set_primary_config/2, update_primary_config/1,
         get_primary_config/0, get_config/0,
         set_module_level/2, unset_module_level/0, unset_module_level/1,
         get_module_level/0, get_module_level/1,
         set_application_level/2, unset_application_level/1,
         set_process_metadata/1, update_process_metadata/1,
         get_process_metadata/0, unset_process_metadata/0]).

-export_type([level/0]).

-type level() :: emergency | alert | critical | error | warning | notice | info | debug.

%% allow(Level, Module): whether an event at Level from Module passes the
%% primary (or module) level.
allow(Level, Module) when is_atom(Module) ->
    check_level(Level),
    logger_manager:allow(Level, Module).

%% compare_levels(A, B): gt when A is more severe than B, as OTP's.
compare_levels(A, B) ->
    NA = severity(A),
    NB = severity(B),
    if
        NA < NB -> gt;
        NA > NB -> lt;
        true -> eq
    end.

severity(emergency) -> 0;
severity(alert) -> 1;
severity(critical) -> 2;
severity(error) -> 3;
severity(warning) -> 4;
severity(notice) -> 5;
severity(info) -> 6;
severity(debug) -> 7;
severity(Level) -> erlang:error(badarg, [Level]).

check_level(Level) ->
    _ = severity(Level),
    ok.

emergency(A) -> log(emergency, A).
emergency(A, B) -> log(emergency, A, B).
emergency(A, B, C) -> log(emergency, A, B, C).
alert(A) -> log(alert, A).
alert(A, B) -> log(alert, A, B).
alert(A, B, C) -> log(alert, A, B, C).
critical(A) -> log(critical, A).
critical(A, B) -> log(critical, A, B).
critical(A, B, C) -> log(critical, A, B, C).
error(A) -> log(error, A).
error(A, B) -> log(error, A, B).
error(A, B, C) -> log(error, A, B, C).
warning(A) -> log(warning, A).
warning(A, B) -> log(warning, A, B).
warning(A, B, C) -> log(warning, A, B, C).
notice(A) -> log(notice, A).
notice(A, B) -> log(notice, A, B).
notice(A, B, C) -> log(notice, A, B, C).
info(A) -> log(info, A).
info(A, B) -> log(info, A, B).
info(A, B, C) -> log(info, A, B, C).
debug(A) -> log(debug, A).
debug(A, B) -> log(debug, A, B).
debug(A, B, C) -> log(debug, A, B, C).

%% log(Level, StringOrReport[, ArgsOrMeta[, Meta]]).
log(Level, StringOrReport) ->
    log(Level, StringOrReport, #{}).

log(Level, Report, Meta) when is_map(Report), is_map(Meta) ->
    maybe_log(Level, report_msg(Report), Meta);
log(Level, String, Meta) when is_map(Meta), not is_function(String) ->
    maybe_log(Level, string_msg(String), Meta);
log(Level, Fun, FunArgs) when is_function(Fun, 1) ->
    log(Level, Fun, FunArgs, #{});
log(Level, Format, Args) when is_list(Args) ->
    log(Level, Format, Args, #{});
log(Level, A, B) ->
    erlang:error(badarg, [Level, A, B]).

%% log/4 takes Format and Args, or a fun and the term it is called with.
log(Level, Fun, FunArgs, Meta) when is_function(Fun, 1), is_map(Meta) ->
    maybe_log(Level, {Fun, FunArgs}, Meta);
log(Level, Format, Args, Meta) when is_list(Args), is_map(Meta) ->
    maybe_log(Level, format_msg(Format, Args), Meta);
log(Level, Format, Args, Meta) ->
    erlang:error(badarg, [Level, Format, Args, Meta]).

%% macro_log(Location, Level, ...): what the ?LOG_* macros call once
%% allow/2 said yes.
macro_log(Location, Level, StringOrReport) ->
    macro_log(Location, Level, StringOrReport, #{}).

macro_log(Location, Level, Report, Meta) when is_map(Report), is_map(Meta) ->
    emit(Level, report_msg(Report), Meta, Location);
macro_log(Location, Level, String, Meta) when is_map(Meta) ->
    emit(Level, string_msg(String), Meta, Location);
macro_log(Location, Level, Fun, FunArgs) when is_function(Fun, 1) ->
    emit(Level, {Fun, FunArgs}, #{}, Location);
macro_log(Location, Level, Format, Args) when is_list(Args) ->
    emit(Level, format_msg(Format, Args), #{}, Location).

macro_log(Location, Level, Fun, FunArgs, Meta) when is_function(Fun, 1), is_map(Meta) ->
    emit(Level, {Fun, FunArgs}, Meta, Location);
macro_log(Location, Level, Format, Args, Meta) when is_list(Args), is_map(Meta) ->
    emit(Level, format_msg(Format, Args), Meta, Location).

string_msg(String) when is_list(String); is_binary(String) -> {string, String};
string_msg(Other) -> erlang:error(badarg, [Other]).

report_msg(Report) when is_map(Report) -> {report, Report};
report_msg(Other) -> erlang:error(badarg, [Other]).

format_msg(Format, Args) when is_list(Format); is_binary(Format) -> {Format, Args};
format_msg(Format, Args) when is_atom(Format) -> {atom_to_list(Format), Args};
format_msg(Fun, Args) when is_function(Fun, 1) -> {Fun, Args};
format_msg(Format, Args) -> erlang:error(badarg, [Format, Args]).

maybe_log(Level, Msg, Meta) ->
    Module = case Meta of
                 #{mfa := {M, _, _}} -> M;
                 _ -> undefined
             end,
    case allow(Level, Module) of
        true -> emit(Level, Msg, Meta, #{});
        false -> ok
    end.

%% emit: builds the event and runs it through the primary filters and then
%% every handler, in the logging process.
emit(Level, Msg0, CallMeta, Location) ->
    check_level(Level),
    case resolve_fun(Msg0, CallMeta) of
        ignore ->
            ok;
        {Msg, CallMeta1} ->
            case logger_manager:config() of
                none -> ok;
                {Primary, Handlers} -> emit(Level, Msg, CallMeta1, Location, Primary, Handlers)
            end
    end.

emit(Level, Msg, CallMeta, Location, Primary, Handlers) ->
    Meta0 = maps:merge(Location,
                       maps:merge(maps:get(metadata, Primary, #{}),
                                  maps:merge(process_meta(), CallMeta))),
    Now = erlang:system_time(microsecond),
    Meta1 = maps:merge(#{pid => self(), gl => group_leader(), time => Now}, Meta0),
    Meta = case map_size(Location) of
               0 -> Meta1;
               _ -> Meta1#{location => Location}
           end,
    Event = #{level => Level, msg => Msg, meta => Meta, pid => self(), timestamp => Now},
    case apply_filters(primary, Event, Primary) of
        stop -> ok;
        Event1 -> lists:foreach(fun(Config) -> call_handler(Event1, Config) end, Handlers)
    end,
    ok.

process_meta() ->
    case get_process_metadata() of
        undefined -> #{};
        Meta -> Meta
    end.

call_handler(#{level := Level} = Event, #{id := Id, module := Module} = Config) ->
    case allows(Level, maps:get(level, Config, all)) andalso apply_filters(Id, Event, Config) of
        false ->
            ok;
        stop ->
            ok;
        Event1 ->
            try
                Module:log(Event1, maps:without([level, filters, filter_default], Config))
            catch
                _:_ ->
                    case remove_handler(Id) of
                        ok -> internal_log(error, {removed_failing_handler, Id});
                        _ -> ok
                    end
            end
    end.

%% apply_filters(Owner, Event, Config): stop, or the event to log, after
%% the filters of Config and, when all ignored it, its filter_default.
apply_filters(Owner, Event, Config) ->
    case filter(Owner, Event, maps:get(filters, Config, []), ignore) of
        stop -> stop;
        ignore ->
            case maps:get(filter_default, Config, log) of
                log -> Event;
                stop -> stop
            end;
        Event1 -> Event1
    end.

filter(Owner, Event, [{Id, {Fun, Arg}} | Filters], State) ->
    try Fun(Event, Arg) of
        stop -> stop;
        ignore -> filter(Owner, Event, Filters, State);
        #{level := L, msg := _, meta := M} = Event1 when is_atom(L), is_map(M) ->
            filter(Owner, Event1, Filters, log);
        _Bad -> filter_failed(Owner, Id)
    catch
        _:_ -> filter_failed(Owner, Id)
    end;
filter(_Owner, _Event, [], ignore) ->
    ignore;
filter(_Owner, Event, [], log) ->
    Event.

filter_failed(Owner, Id) ->
    _ = case Owner of
            primary -> remove_primary_filter(Id);
            _ -> remove_handler_filter(Owner, Id)
        end,
    internal_log(error, {removed_failing_filter, Id}),
    ignore.

%% internal_log: what OTP's logger prints about itself, bypassing handlers:
%% the level on standard error, the term on standard output.
internal_log(Level, Term) ->
    erlang:display_string("Logger - " ++ atom_to_list(Level) ++ ": "),
    erlang:display(Term).

%% resolve_fun: a message fun is called now, as OTP's logger does; it may
%% return metadata with its message, or ignore.
resolve_fun({Fun, Arg} = Call, Meta) when is_function(Fun, 1) ->
    try Fun(Arg) of
        {Result, #{} = FunMeta} -> {fun_msg(Result, Call), maps:merge(Meta, FunMeta)};
        ignore -> ignore;
        Result -> {fun_msg(Result, Call), Meta}
    catch
        Class:Reason -> {{"LAZY_FUN CRASH: ~tp; Reason: ~tp", [Call, {Class, Reason}]}, Meta}
    end;
resolve_fun(Msg, Meta) ->
    {Msg, Meta}.

fun_msg({Format, Args}, _Call) when is_list(Args), (is_list(Format) orelse is_binary(Format)) ->
    {Format, Args};
fun_msg(Report, _Call) when is_map(Report) -> {report, Report};
fun_msg(String, _Call) when is_list(String); is_binary(String) -> {string, String};
fun_msg(Other, Call) -> {"LAZY_FUN ERROR: ~tp; Returned: ~tp", [Call, Other]}.

allows(_Level, all) -> true;
allows(_Level, none) -> false;
allows(Level, Threshold) -> compare_levels(Level, Threshold) =/= lt.

%% Configuration, as OTP's logger API: checks here, callbacks of the
%% handler module here, storage in logger_manager.

add_handler(Id, Module, Config) ->
    try
        check_id(Id),
        is_atom(Module) orelse throw({invalid_module, Module}),
        check_config(handler, Config),
        logger_manager:ensure_started(),
        case logger_manager:call({handler, Id}) of
            {ok, _} -> throw({already_exist, Id});
            _ -> ok
        end,
        Full = maps:merge(logger_manager:default_handler_config(Id, Module), Config),
        case callback(Module, adding_handler, [Full], {ok, Full}) of
            {ok, Added} ->
                _ = code:ensure_loaded(Module),
                erlang:function_exported(Module, log, 2) orelse
                    throw({invalid_handler, {function_not_exported, {Module, log, 2}}}),
                logger_manager:call({add_handler, Added#{id => Id, module => Module}});
            {error, {callback_crashed, _}} = Crashed ->
                Crashed;
            {error, Reason} ->
                {error, {handler_not_added, Reason}}
        end
    catch
        throw:Error -> {error, Error}
    end.

remove_handler(Id) ->
    case logger_manager:call({handler, Id}) of
        {ok, #{module := Module} = Config} ->
            _ = callback(Module, removing_handler, [Config], ok),
            logger_manager:call({remove_handler, Id});
        Error ->
            Error
    end.

get_handler_config(Id) ->
    case logger_manager:call({handler, Id}) of
        {ok, #{module := Module} = Config} ->
            {ok, try Module:filter_config(Config) catch _:_ -> Config end};
        Error ->
            Error
    end.

get_handler_config() ->
    [Config || Id <- get_handler_ids(), {ok, Config} <- [get_handler_config(Id)]].

get_handler_ids() ->
    {_Primary, Handlers} = logger_manager:call(config),
    [Id || #{id := Id} <- Handlers].

set_handler_config(Id, Key, Value) ->
    change_handler(set, Id, #{Key => Value}, fun(Old) -> Old#{Key => Value} end).

set_handler_config(Id, Config) ->
    change_handler(set, Id, Config,
                   fun(#{module := Module}) ->
                           maps:merge(logger_manager:default_handler_config(Id, Module), Config)
                   end).

update_handler_config(Id, Key, Value) ->
    change_handler(update, Id, #{Key => Value}, fun(Old) -> Old#{Key => Value} end).

update_handler_config(Id, Config) ->
    change_handler(update, Id, Config, fun(Old) -> maps:merge(Old, Config) end).

%% change_handler: the new configuration New(Old) of handler Id, checked
%% (Change is what the caller gave), then passed to the handler's
%% changing_config callback, which may amend or refuse it.
change_handler(SetOrUpdate, Id, Change, New) ->
    try
        check_id(Id),
        check_config(handler, Change),
        case logger_manager:call({handler, Id}) of
            {ok, #{module := Module} = Old} ->
                Config = New(Old),
                check_config_change(Old, Config),
                case changing_config(Module, SetOrUpdate, Old, Config) of
                    {ok, Config1} -> logger_manager:call({set_handler, Config1});
                    Error -> Error
                end;
            Error ->
                Error
        end
    catch
        throw:Reason -> {error, Reason}
    end.

changing_config(Module, SetOrUpdate, Old, Config) ->
    case callback(Module, changing_config, [SetOrUpdate, Old, Config], undef) of
        undef -> callback(Module, changing_config, [Old, Config], {ok, Config});
        Result -> Result
    end.

%% check_config_change: id and module cannot change.
check_config_change(#{id := Id, module := Module}, #{id := Id, module := Module}) ->
    ok;
check_config_change(Old, New) ->
    Keys = [K || K <- [id, module], maps:get(K, Old, undefined) =/= maps:get(K, New, undefined)],
    throw({illegal_config_change, maps:with(Keys, Old), maps:with(Keys, New)}).

update_formatter_config(Id, FormatterConfig) when is_map(FormatterConfig) ->
    case logger_manager:call({handler, Id}) of
        {ok, #{formatter := {FModule, Old}} = Config} ->
            try
                New = {FModule, maps:merge(Old, FormatterConfig)},
                check_formatter(New),
                logger_manager:call({set_handler, Config#{formatter := New}})
            catch
                throw:Reason -> {error, Reason}
            end;
        _ ->
            {error, {not_found, Id}}
    end;
update_formatter_config(_Id, FormatterConfig) ->
    {error, {invalid_formatter_config, FormatterConfig}}.

update_formatter_config(Id, Key, Value) ->
    update_formatter_config(Id, #{Key => Value}).

%% callback(Module, Function, Args, Default): Module:Function(Args...),
%% or Default when the module does not export it.
callback(Module, Function, Args, Default) ->
    try apply(Module, Function, Args)
    catch
        Class:Reason:St ->
            case {Class, Reason, St} of
                {error, undef, [{Module, Function, Args, _} | _]} -> Default;
                _ -> {error, {callback_crashed, {Class, Reason, St}}}
            end
    end.

add_primary_filter(FilterId, Filter) ->
    add_filter(primary, FilterId, Filter).

add_handler_filter(HandlerId, FilterId, Filter) ->
    add_filter(HandlerId, FilterId, Filter).

add_filter(Owner, FilterId, Filter) ->
    try
        Owner =:= primary orelse check_id(Owner),
        check_filters([{FilterId, Filter}]),
        logger_manager:call({add_filter, Owner, {FilterId, Filter}})
    catch
        throw:Reason -> {error, Reason}
    end.

remove_primary_filter(FilterId) ->
    logger_manager:call({remove_filter, primary, FilterId}).

remove_handler_filter(HandlerId, FilterId) ->
    logger_manager:call({remove_filter, HandlerId, FilterId}).

set_primary_config(Key, Value) ->
    try
        check_config(primary, #{Key => Value}),
        logger_manager:call({set_primary, Key, Value})
    catch
        throw:Reason -> {error, Reason}
    end.

set_primary_config(Config) ->
    change_primary(Config, fun(_Old) -> maps:merge(logger_manager:default_primary(), Config) end).

update_primary_config(Config) ->
    change_primary(Config, fun(Old) -> maps:merge(Old, Config) end).

change_primary(Config, New) ->
    try
        check_config(primary, Config),
        logger_manager:call({set_primary, New(logger_manager:call(primary_config))})
    catch
        throw:Reason -> {error, Reason}
    end.

get_primary_config() ->
    logger_manager:call(primary_config).

%% get_config(): OTP's, without the proxy configuration (avm has no
%% logger proxy).
get_config() ->
    #{primary => get_primary_config(), handlers => get_handler_config(),
      module_levels => get_module_level()}.

set_module_level(Module, Level) when is_atom(Module) ->
    set_module_level([Module], Level);
set_module_level(Modules, Level) ->
    case is_list(Modules) andalso lists:all(fun is_atom/1, Modules) of
        true ->
            case valid_level(Level) of
                true -> logger_manager:call({set_module_level, Modules, Level});
                false -> {error, {invalid_level, Level}}
            end;
        false ->
            {error, {not_a_list_of_modules, Modules}}
    end.

unset_module_level() ->
    logger_manager:call({unset_module_level, all}).

unset_module_level(Module) when is_atom(Module) ->
    unset_module_level([Module]);
unset_module_level(Modules) ->
    case is_list(Modules) andalso lists:all(fun is_atom/1, Modules) of
        true -> logger_manager:call({unset_module_level, Modules});
        false -> {error, {not_a_list_of_modules, Modules}}
    end.

get_module_level() ->
    logger_manager:call(module_levels).

get_module_level(Module) when is_atom(Module) ->
    get_module_level([Module]);
get_module_level(Modules) when is_list(Modules) ->
    [{M, L} || {M, L} <- get_module_level(), lists:member(M, Modules)].

set_application_level(App, Level) ->
    case application:get_key(App, modules) of
        {ok, Modules} -> set_module_level(Modules, Level);
        undefined -> {error, {not_loaded, App}}
    end.

unset_application_level(App) ->
    case application:get_key(App, modules) of
        {ok, Modules} -> unset_module_level(Modules);
        undefined -> {error, {not_loaded, App}}
    end.

%% Checks of configurations, with OTP's error terms.

check_id(Id) when is_atom(Id) -> ok;
check_id(Id) -> throw({invalid_id, Id}).

check_config(Owner, Config) when is_map(Config) ->
    lists:foreach(fun(KV) -> check_item(Owner, KV) end, maps:to_list(Config));
check_config(_Owner, Config) ->
    throw({invalid_config, Config}).

check_item(_, {level, Level}) ->
    valid_level(Level) orelse throw({invalid_level, Level});
check_item(_, {filters, Filters}) ->
    check_filters(Filters);
check_item(_, {filter_default, FD}) ->
    FD =:= log orelse FD =:= stop orelse throw({invalid_filter_default, FD});
check_item(handler, {formatter, Formatter}) ->
    check_formatter(Formatter);
check_item(primary, {metadata, Meta}) when is_map(Meta) ->
    ok;
check_item(primary, KV) ->
    throw({invalid_primary_config, KV});
check_item(handler, _) ->
    ok.

check_filters([{Id, {Fun, _Arg}} | Filters]) when is_atom(Id), is_function(Fun, 2) ->
    check_filters(Filters);
check_filters([Filter | _]) ->
    throw({invalid_filter, Filter});
check_filters([]) ->
    ok;
check_filters(Filters) ->
    throw({invalid_filters, Filters}).

check_formatter({Module, Config} = Formatter) ->
    is_atom(Module) orelse throw({invalid_module, Module}),
    case callback(Module, check_config, [Config], ok) of
        ok -> ok;
        {error, Error} -> throw(Error);
        _ -> throw({invalid_formatter, Formatter})
    end;
check_formatter(Formatter) ->
    throw({invalid_formatter, Formatter}).

valid_level(Level) ->
    Level =:= all orelse Level =:= none orelse
        lists:member(Level, [emergency, alert, critical, error, warning, notice, info, debug]).

%% Process metadata, kept in the process dictionary under OTP's key (Elixir's
%% Logger.metadata/0,1 use these).
-define(PROCESS_METADATA, '$logger_metadata$').

set_process_metadata(Meta) when is_map(Meta) ->
    _ = put(?PROCESS_METADATA, Meta),
    ok;
set_process_metadata(Meta) ->
    erlang:error(badarg, [Meta]).

update_process_metadata(Meta) when is_map(Meta) ->
    case get_process_metadata() of
        undefined -> set_process_metadata(Meta);
        Old -> set_process_metadata(maps:merge(Old, Meta))
    end;
update_process_metadata(Meta) ->
    erlang:error(badarg, [Meta]).

get_process_metadata() ->
    get(?PROCESS_METADATA).

unset_process_metadata() ->
    _ = erase(?PROCESS_METADATA),
    ok.
