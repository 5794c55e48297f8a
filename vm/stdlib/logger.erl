%% The logger module of avm's bundled standard library: the logging API of
%% OTP's logger as AtomVM provides it. Events pass the primary level (or
%% the level set for the logging module) held by logger_manager, then each
%% handler's own level, and each handler's Module:log(Event, Config) runs in
%% the process that logged.
%%
%% The ?LOG_* macros of OTP's logger.hrl (OTP 25 to 29) expand to
%% logger:allow(Level, ?MODULE) and logger:macro_log(Location, Level, ...),
%% both served here. Until logger_manager:start_link/1 has run, nothing is
%% logged, as on AtomVM.
%%
%% An event is the map AtomVM's guide describes: #{timestamp (microseconds
%% since the epoch), level, pid, msg ({Format, Args} or {report, Report}),
%% meta}, where meta holds the caller's metadata and, from a macro,
%% location => #{mfa, line, file}.
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
         set_primary_config/2, get_primary_config/0,
         set_module_level/2, unset_module_level/1, get_module_level/1,
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
log(Level, String, Meta) when is_map(Meta) ->
    maybe_log(Level, string_msg(String), Meta);
log(Level, FormatOrFun, Args) when is_list(Args) ->
    log(Level, FormatOrFun, Args, #{});
log(Level, A, B) ->
    erlang:error(badarg, [Level, A, B]).

log(Level, Format, Args, Meta) when is_list(Args), is_map(Meta) ->
    maybe_log(Level, format_msg(Format, Args), Meta);
log(Level, Format, Args, Meta) ->
    erlang:error(badarg, [Level, Format, Args, Meta]).

%% macro_log(Location, Level, ...): what the ?LOG_* macros call once
%% allow/2 said yes.
macro_log(Location, Level, StringOrReport) ->
    macro_log(Location, Level, StringOrReport, #{}).

macro_log(Location, Level, Report, Meta) when is_map(Report), is_map(Meta) ->
    emit(Level, report_msg(Report), Meta#{location => Location});
macro_log(Location, Level, String, Meta) when is_map(Meta) ->
    emit(Level, string_msg(String), Meta#{location => Location});
macro_log(Location, Level, Format, Args) when is_list(Args) ->
    emit(Level, format_msg(Format, Args), #{location => Location}).

macro_log(Location, Level, Format, Args, Meta) when is_list(Args), is_map(Meta) ->
    emit(Level, format_msg(Format, Args), Meta#{location => Location}).

string_msg(String) when is_list(String); is_binary(String) -> {String, []};
string_msg(Other) -> erlang:error(badarg, [Other]).

report_msg(Report) when is_map(Report) -> {report, Report};
report_msg(Other) -> erlang:error(badarg, [Other]).

format_msg(Format, Args) when is_list(Format); is_binary(Format); is_atom(Format) -> {Format, Args};
format_msg(Fun, Args) when is_function(Fun, 1) -> {Fun, Args};
format_msg(Format, Args) -> erlang:error(badarg, [Format, Args]).

maybe_log(Level, Msg, Meta) ->
    Module = case Meta of
                 #{location := #{mfa := {M, _, _}}} -> M;
                 #{mfa := {M, _, _}} -> M;
                 _ -> undefined
             end,
    case allow(Level, Module) of
        true -> emit(Level, Msg, Meta);
        false -> ok
    end.

%% emit: runs every handler that takes events at Level. A handler that
%% fails is reported on standard error and does not stop the others.
emit(Level, Msg, Meta) ->
    check_level(Level),
    Event = #{level => Level, msg => resolve_fun(Msg), meta => Meta, pid => self(),
              timestamp => erlang:system_time(microsecond)},
    lists:foreach(
      fun({Module, Config}) ->
              case handler_allows(Level, maps:get(level, Config, all)) of
                  true ->
                      try
                          Module:log(Event, Config)
                      catch
                          Class:Reason:St ->
                              error_logger:error_msg(
                                "Logger handler ~tp (~w) failed on an event: ~w:~tp~n~tp~n",
                                [maps:get(id, Config, undefined), Module, Class, Reason, St])
                      end;
                  false ->
                      ok
              end
      end, logger_manager:handlers()),
    ok.

%% resolve_fun: a message fun is called now, as OTP's logger does.
resolve_fun({Fun, Arg}) when is_function(Fun, 1) ->
    case Fun(Arg) of
        {Format, Args} when is_list(Args) -> {Format, Args};
        Report when is_map(Report) -> {report, Report};
        String -> {String, []}
    end;
resolve_fun(Msg) ->
    Msg.

handler_allows(_Level, all) -> true;
handler_allows(_Level, none) -> false;
handler_allows(Level, HandlerLevel) -> compare_levels(Level, HandlerLevel) =/= lt.

%% Configuration (OTP's API; AtomVM configures only through
%% logger_manager:start_link/1).

set_primary_config(level, Level) ->
    logger_manager:set_primary_level(Level);
set_primary_config(Key, Value) ->
    {error, {invalid_config, Key, Value}}.

get_primary_config() ->
    #{level => logger_manager:primary_level()}.

set_module_level(Module, Level) when is_atom(Module) ->
    set_module_level([Module], Level);
set_module_level(Modules, Level) when is_list(Modules) ->
    logger_manager:set_module_level(Modules, Level).

unset_module_level(Module) when is_atom(Module) ->
    unset_module_level([Module]);
unset_module_level(Modules) when is_list(Modules) ->
    logger_manager:unset_module_level(Modules).

get_module_level(Module) when is_atom(Module) ->
    get_module_level([Module]);
get_module_level(Modules) when is_list(Modules) ->
    logger_manager:get_module_level(Modules).

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
