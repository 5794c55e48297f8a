%% The logger_manager module of avm's bundled standard library: AtomVM's
%% logging service, a gen_server registered as logger_manager that holds
%% the logging configuration logger reads: the primary configuration,
%% per-module levels and the handlers with their configurations.
%%
%% start_link/1 takes the configuration map of AtomVM's guide:
%%   log_level    => Level (default notice; also all or none)
%%   logger       => [{handler, default, undefined}             (no default handler)
%%                   | {handler, Id, Module, HandlerConfig}
%%                   | {module_level, Level, [Module]}]
%%   module_level => {Level, [Module]} | [{Level, [Module]}]
%% The default handler, logger_std_h with id default, is there unless the
%% list disables it or gives another handler the id default.
%%
%% Configurations are kept as OTP's logger keeps them: the primary one is
%% #{level, filter_default, filters, metadata}, a handler's is
%% #{id, module, level, filter_default, filters, formatter} merged with
%% what it was given. logger checks what it is given and calls the
%% handler callbacks (adding_handler, changing_config, removing_handler) in
%% the calling process, so that a callback may itself use logger; the
%% server only stores. Handlers are kept newest first, as OTP lists them.
-module(logger_manager).
-behaviour(gen_server).

-export([start_link/1, start/1, stop/0, ensure_started/0,
         allow/2, handlers/0, primary_level/0, set_primary_level/1,
         set_module_level/2, unset_module_level/1, get_module_level/1]).

-export([config/0, call/1, default_primary/0, default_handler_config/2]).

-export([init/1, handle_call/3, handle_cast/2]).

-define(LEVELS, [emergency, alert, critical, error, warning, notice, info, debug]).

start_link(Config) ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, Config, []).

start(Config) ->
    gen_server:start({local, ?MODULE}, ?MODULE, Config, []).

stop() ->
    gen_server:stop(?MODULE).

%% ensure_started(): the configuration API of OTP's logger works without
%% setup, as OTP's logger always runs; the first configuration call starts
%% the service, unlinked, with the defaults of start/1 (level notice, the
%% default handler). A later start_link/1 then answers
%% {error, {already_started, Pid}}: configure through one API or the other.
ensure_started() ->
    case whereis(?MODULE) of
        undefined ->
            case start(#{}) of
                {ok, _} -> ok;
                {error, {already_started, _}} -> ok;
                {error, Reason} -> erlang:error({logger_not_started, Reason})
            end;
        _ ->
            ok
    end.

%% call(Request): a configuration request to the service, started if need be.
call(Request) ->
    ok = ensure_started(),
    gen_server:call(?MODULE, Request, infinity).

%% The calls logger makes on each event; without a running manager
%% nothing is logged, as on AtomVM.

allow(Level, Module) ->
    try gen_server:call(?MODULE, {allow, Level, Module}, infinity)
    catch exit:{noproc, _} -> false
    end.

%% config(): {PrimaryConfig, [HandlerConfig]}, or none without a manager.
config() ->
    try gen_server:call(?MODULE, config, infinity)
    catch exit:{noproc, _} -> none
    end.

handlers() ->
    case config() of
        none -> [];
        {_Primary, Handlers} -> [{maps:get(module, C), C} || C <- Handlers]
    end.

primary_level() ->
    maps:get(level, call(primary_config)).

set_primary_level(Level) ->
    case valid_level(Level) of
        true -> call({set_primary, level, Level});
        false -> {error, {invalid_level, Level}}
    end.

set_module_level(Modules, Level) ->
    call({set_module_level, Modules, Level}).

unset_module_level(Modules) ->
    call({unset_module_level, Modules}).

get_module_level(Modules) ->
    [{M, L} || {M, L} <- call(module_levels), lists:member(M, Modules)].

default_primary() ->
    #{level => notice, filter_default => log, filters => [], metadata => #{}}.

default_handler_config(Id, Module) ->
    #{id => Id, module => Module, level => all, filter_default => log, filters => [],
      formatter => {logger_formatter, #{}}}.

%% The server. State: #{primary, handlers (newest first), module_levels}.

init(Config) when is_map(Config) ->
    try
        Level = maps:get(log_level, Config, notice),
        check_level(Level),
        Entries = maps:get(logger, Config, []),
        is_list(Entries) orelse throw({invalid_logger_config, Entries}),
        ModuleLevels0 = module_levels(maps:get(module_level, Config, []), #{}),
        {Handlers, ModuleLevels} = entries(Entries, [], ModuleLevels0),
        {ok, #{primary => (default_primary())#{level := Level},
               module_levels => ModuleLevels,
               handlers => default_handler(Handlers)}}
    catch
        throw:Reason -> {stop, Reason}
    end;
init(Config) ->
    {stop, {invalid_config, Config}}.

handle_call({allow, Level, Module}, _From, #{primary := #{level := Primary}, module_levels := ML} = S) ->
    Threshold = maps:get(Module, ML, Primary),
    {reply, allows(Level, Threshold), S};
handle_call(config, _From, #{primary := Primary, handlers := Handlers} = S) ->
    {reply, {Primary, Handlers}, S};
handle_call(primary_config, _From, #{primary := Primary} = S) ->
    {reply, Primary, S};
handle_call({set_primary, Config}, _From, S) ->
    {reply, ok, S#{primary := Config}};
handle_call({set_primary, Key, Value}, _From, #{primary := Primary} = S) ->
    {reply, ok, S#{primary := Primary#{Key => Value}}};
handle_call({handler, Id}, _From, #{handlers := Handlers} = S) ->
    {reply, find_handler(Id, Handlers), S};
handle_call({add_handler, #{id := Id} = Config}, _From, #{handlers := Handlers} = S) ->
    case find_handler(Id, Handlers) of
        {ok, _} -> {reply, {error, {already_exist, Id}}, S};
        _ -> {reply, ok, S#{handlers := [Config | Handlers]}}
    end;
handle_call({remove_handler, Id}, _From, #{handlers := Handlers} = S) ->
    case find_handler(Id, Handlers) of
        {ok, _} -> {reply, ok, S#{handlers := [C || #{id := I} = C <- Handlers, I =/= Id]}};
        Error -> {reply, Error, S}
    end;
handle_call({set_handler, #{id := Id} = Config}, _From, #{handlers := Handlers} = S) ->
    case find_handler(Id, Handlers) of
        {ok, _} -> {reply, ok, S#{handlers := [replace(C, Config) || C <- Handlers]}};
        Error -> {reply, Error, S}
    end;
handle_call({add_filter, Owner, {FilterId, _} = Filter}, _From, S) ->
    change_filters(Owner, S,
                   fun(Filters) ->
                           case lists:keymember(FilterId, 1, Filters) of
                               true -> {error, {already_exist, FilterId}};
                               false -> {ok, [Filter | Filters]}
                           end
                   end);
handle_call({remove_filter, Owner, FilterId}, _From, S) ->
    change_filters(Owner, S,
                   fun(Filters) ->
                           case lists:keytake(FilterId, 1, Filters) of
                               {value, _, Rest} -> {ok, Rest};
                               false -> {error, {not_found, FilterId}}
                           end
                   end);
handle_call({set_module_level, Modules, Level}, _From, #{module_levels := ML} = S) ->
    {reply, ok, S#{module_levels := maps:merge(ML, maps:from_list([{M, Level} || M <- Modules]))}};
handle_call({unset_module_level, all}, _From, S) ->
    {reply, ok, S#{module_levels := #{}}};
handle_call({unset_module_level, Modules}, _From, #{module_levels := ML} = S) ->
    {reply, ok, S#{module_levels := maps:without(Modules, ML)}};
handle_call(module_levels, _From, #{module_levels := ML} = S) ->
    {reply, lists:sort(maps:to_list(ML)), S}.

handle_cast(_Msg, S) ->
    {noreply, S}.

find_handler(Id, Handlers) ->
    case [C || #{id := I} = C <- Handlers, I =:= Id] of
        [Config] -> {ok, Config};
        [] -> {error, {not_found, Id}}
    end.

replace(#{id := Id}, #{id := Id} = New) -> New;
replace(Old, _New) -> Old.

%% change_filters(Owner, S, Change): Change the filter list of primary or a
%% handler; Change answers {ok, Filters} or an error.
change_filters(primary, #{primary := Primary} = S, Change) ->
    case Change(maps:get(filters, Primary, [])) of
        {ok, Filters} -> {reply, ok, S#{primary := Primary#{filters => Filters}}};
        Error -> {reply, Error, S}
    end;
change_filters(Id, #{handlers := Handlers} = S, Change) ->
    case find_handler(Id, Handlers) of
        {ok, Config} ->
            case Change(maps:get(filters, Config, [])) of
                {ok, Filters} ->
                    New = Config#{filters => Filters},
                    {reply, ok, S#{handlers := [replace(C, New) || C <- Handlers]}};
                Error ->
                    {reply, Error, S}
            end;
        Error ->
            {reply, Error, S}
    end.

%% Levels.

allows(_Level, all) -> true;
allows(_Level, none) -> false;
allows(Level, Threshold) -> logger:compare_levels(Level, Threshold) =/= lt.

valid_level(Level) ->
    Level =:= all orelse Level =:= none orelse lists:member(Level, ?LEVELS).

check_level(Level) ->
    valid_level(Level) orelse throw({invalid_level, Level}).

%% Configuration entries of start_link/1.

entries([{handler, default, undefined} | Rest], Handlers, ML) ->
    entries(Rest, [{default, undefined} | Handlers], ML);
entries([{handler, Id, Module, HConfig} = E | Rest], Handlers, ML) when is_atom(Id), is_atom(Module) ->
    lists:keymember(Id, 1, Handlers) andalso throw({duplicate_handler, Id}),
    Config = handler_config(Id, Module, HConfig, E),
    entries(Rest, [{Id, Config} | Handlers], ML);
entries([{module_level, Level, Modules} | Rest], Handlers, ML) ->
    entries(Rest, Handlers, module_levels({Level, Modules}, ML));
entries([Other | _], _Handlers, _ML) ->
    throw({invalid_logger_config, Other});
entries([], Handlers, ML) ->
    {Handlers, ML}.

handler_config(Id, Module, undefined, _E) ->
    default_handler_config(Id, Module);
handler_config(Id, Module, HConfig, E) when is_map(HConfig) ->
    valid_level(maps:get(level, HConfig, all)) orelse throw({invalid_handler_config, E}),
    maps:merge(default_handler_config(Id, Module), HConfig#{id => Id, module => Module});
handler_config(_Id, _Module, _HConfig, E) ->
    throw({invalid_handler_config, E}).

%% default_handler: logger_std_h under the id default, unless the entries
%% disabled or replaced it; a disabled default is then dropped. Handlers
%% come newest first, the default one last.
default_handler(Handlers) ->
    Full = case lists:keymember(default, 1, Handlers) of
               true -> Handlers;
               false -> Handlers ++ [{default, default_handler_config(default, logger_std_h)}]
           end,
    [Config || {_, Config} <- Full, Config =/= undefined].

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
