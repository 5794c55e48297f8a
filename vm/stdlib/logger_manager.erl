%% The logger_manager module of avm's bundled standard library: AtomVM's
%% logging service, a gen_server registered as logger_manager that holds
%% the logging configuration logger reads: the primary level, per-module
%% levels and the handlers.
%%
%% start_link/1 takes the configuration map of AtomVM's guide:
%%   log_level    => Level (default notice; also all or none)
%%   logger       => [{handler, default, undefined}             (no default handler)
%%                   | {handler, Id, Module, HandlerConfig}
%%                   | {module_level, Level, [Module]}]
%%   module_level => {Level, [Module]} | [{Level, [Module]}]
%% The default handler, logger_std_h with id default, is there unless the
%% list disables it or gives another handler the id default. A handler's
%% Module:log(Event, Config) gets Config = HandlerConfig with its id and
%% module; Config's level (default all) filters the events it gets.
-module(logger_manager).
-behaviour(gen_server).

-export([start_link/1, start/1, stop/0,
         allow/2, handlers/0, primary_level/0, set_primary_level/1,
         set_module_level/2, unset_module_level/1, get_module_level/1]).

-export([init/1, handle_call/3, handle_cast/2]).

-define(LEVELS, [emergency, alert, critical, error, warning, notice, info, debug]).

start_link(Config) ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, Config, []).

start(Config) ->
    gen_server:start({local, ?MODULE}, ?MODULE, Config, []).

stop() ->
    gen_server:stop(?MODULE).

%% The calls logger makes; without a running manager nothing is logged.

allow(Level, Module) ->
    try gen_server:call(?MODULE, {allow, Level, Module}, infinity)
    catch exit:{noproc, _} -> false
    end.

handlers() ->
    try gen_server:call(?MODULE, handlers, infinity)
    catch exit:{noproc, _} -> []
    end.

primary_level() ->
    gen_server:call(?MODULE, primary_level, infinity).

set_primary_level(Level) ->
    gen_server:call(?MODULE, {set_primary_level, Level}, infinity).

set_module_level(Modules, Level) ->
    gen_server:call(?MODULE, {set_module_level, Modules, Level}, infinity).

unset_module_level(Modules) ->
    gen_server:call(?MODULE, {unset_module_level, Modules}, infinity).

get_module_level(Modules) ->
    gen_server:call(?MODULE, {get_module_level, Modules}, infinity).

%% The server.

init(Config) when is_map(Config) ->
    try
        Level = maps:get(log_level, Config, notice),
        check_level(Level),
        Entries = maps:get(logger, Config, []),
        is_list(Entries) orelse throw({invalid_logger_config, Entries}),
        ModuleLevels0 = module_levels(maps:get(module_level, Config, []), #{}),
        {Handlers, ModuleLevels} = entries(Entries, [], ModuleLevels0),
        {ok, #{level => Level, module_levels => ModuleLevels,
               handlers => default_handler(Handlers)}}
    catch
        throw:Reason -> {stop, Reason}
    end;
init(Config) ->
    {stop, {invalid_config, Config}}.

handle_call({allow, Level, Module}, _From, #{level := Primary, module_levels := ML} = S) ->
    Threshold = maps:get(Module, ML, Primary),
    {reply, allows(Level, Threshold), S};
handle_call(handlers, _From, #{handlers := Handlers} = S) ->
    {reply, [{Module, Config} || {_Id, Module, Config} <- Handlers], S};
handle_call(primary_level, _From, #{level := Level} = S) ->
    {reply, Level, S};
handle_call({set_primary_level, Level}, _From, S) ->
    case valid_level(Level) of
        true -> {reply, ok, S#{level := Level}};
        false -> {reply, {error, {invalid_level, Level}}, S}
    end;
handle_call({set_module_level, Modules, Level}, _From, #{module_levels := ML} = S) ->
    case valid_level(Level) andalso lists:all(fun is_atom/1, Modules) of
        true -> {reply, ok, S#{module_levels := maps:merge(ML, maps:from_list([{M, Level} || M <- Modules]))}};
        false -> {reply, {error, {invalid_level, Level}}, S}
    end;
handle_call({unset_module_level, Modules}, _From, #{module_levels := ML} = S) ->
    {reply, ok, S#{module_levels := maps:without(Modules, ML)}};
handle_call({get_module_level, Modules}, _From, #{module_levels := ML} = S) ->
    {reply, [{M, L} || M <- Modules, {ok, L} <- [maps:find(M, ML)]], S}.

handle_cast(_Msg, S) ->
    {noreply, S}.

%% Levels.

allows(_Level, all) -> true;
allows(_Level, none) -> false;
allows(Level, Threshold) -> logger:compare_levels(Level, Threshold) =/= lt.

valid_level(Level) ->
    Level =:= all orelse Level =:= none orelse lists:member(Level, ?LEVELS).

check_level(Level) ->
    valid_level(Level) orelse throw({invalid_level, Level}).

%% Configuration entries.

entries([{handler, default, undefined} | Rest], Handlers, ML) ->
    entries(Rest, [{default, undefined, undefined} | Handlers], ML);
entries([{handler, Id, Module, HConfig} = E | Rest], Handlers, ML) when is_atom(Id), is_atom(Module) ->
    lists:keymember(Id, 1, Handlers) andalso throw({duplicate_handler, Id}),
    Config = handler_config(Id, Module, HConfig, E),
    entries(Rest, [{Id, Module, Config} | Handlers], ML);
entries([{module_level, Level, Modules} | Rest], Handlers, ML) ->
    entries(Rest, Handlers, module_levels({Level, Modules}, ML));
entries([Other | _], _Handlers, _ML) ->
    throw({invalid_logger_config, Other});
entries([], Handlers, ML) ->
    {lists:reverse(Handlers), ML}.

handler_config(Id, Module, undefined, _E) ->
    #{id => Id, module => Module, level => all};
handler_config(Id, Module, HConfig, E) when is_map(HConfig) ->
    Level = maps:get(level, HConfig, all),
    valid_level(Level) orelse throw({invalid_handler_config, E}),
    maps:merge(#{level => all}, HConfig#{id => Id, module => Module});
handler_config(_Id, _Module, _HConfig, E) ->
    throw({invalid_handler_config, E}).

%% default_handler: logger_std_h under the id default, unless the entries
%% disabled or replaced it; a disabled default is then dropped.
default_handler(Handlers) ->
    Full = case lists:keymember(default, 1, Handlers) of
               true -> Handlers;
               false -> [{default, logger_std_h, #{id => default, module => logger_std_h, level => all}}
                         | Handlers]
           end,
    [H || {_, Module, _} = H <- Full, Module =/= undefined].

module_levels([], ML) ->
    ML;
module_levels([{_, _} = One | Rest], ML) ->
    module_levels(Rest, module_levels(One, ML));
module_levels({Level, Modules}, ML) when is_list(Modules) ->
    check_level(Level),
    lists:all(fun is_atom/1, Modules) orelse throw({invalid_module_level, {Level, Modules}}),
    maps:merge(ML, maps:from_list([{M, Level} || M <- Modules]));
module_levels(Other, _ML) ->
    throw({invalid_module_level, Other}).
