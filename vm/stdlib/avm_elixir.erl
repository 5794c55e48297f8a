%% avm_elixir: what an Elixir program finds running on OTP before its own
%% code starts, where `elixir` has started the elixir and logger
%% applications. avm runs an Elixir module's start function through
%% boot/3 (vm/elixir.go), which starts the logging service (so the Logger
%% macros, which call logger:allow/2 and logger:macro_log/4, print as they
%% do under Elixir, from level debug up) and then calls the program.
-module(avm_elixir).
-export([boot/3]).

%% boot(Module, Function, Exception): start what Elixir's runtime provides,
%% then call Module:Function(). An exception that escapes it leaves, before
%% it goes on with the same class, reason and stacktrace, the banner Elixir
%% prints for it ("** (ArgumentError) argument error"), as
%% Exception:format_banner/3 makes it, in persistent_term
%% {avm_elixir, banner}, where avm's crash report finds it. Exception is
%% Elixir's Exception module, which comes with the program's Elixir
%% library, not with avm's.
boot(Module, Function, Exception) ->
    case whereis(logger_manager) of
        undefined -> {ok, _} = logger_manager:start(#{log_level => debug});
        _ -> ok
    end,
    runtime_config(),
    try
        Module:Function()
    catch
        Class:Reason:Stack0 ->
            Stack = [Frame || Frame <- Stack0, element(1, Frame) =/= ?MODULE],
            banner(Exception, Class, Reason, Stack),
            erlang:raise(Class, Reason, Stack)
    end.

%% runtime_config(): the part of the configuration the elixir application
%% sets up when it starts (elixir:start/2) that code running on a device
%% reads: argv and at_exit (System) and the default ports of URI schemes
%% (URI.default_port/1). The keys only the compiler reads are left out. An
%% Elixir release whose elixir_config differs is left as it is.
runtime_config() ->
    Config = [{at_exit, []}, {argv, []}, {no_halt, false},
              {{uri, <<"ftp">>}, 21}, {{uri, <<"sftp">>}, 22}, {{uri, <<"tftp">>}, 69},
              {{uri, <<"http">>}, 80}, {{uri, <<"https">>}, 443}, {{uri, <<"ldap">>}, 389},
              {{uri, <<"ws">>}, 80}, {{uri, <<"wss">>}, 443}],
    case code:ensure_loaded(elixir_config) =:= {module, elixir_config} andalso
         erlang:function_exported(elixir_config, new, 1) andalso
         ets:info(elixir_config) =:= undefined of
        true ->
            try
                elixir_config:new(Config)
            catch
                _:_ -> ok
            end;
        false ->
            ok
    end.

banner(Exception, Class, Reason, Stack) ->
    try Exception:format_banner(Class, Reason, Stack) of
        Banner when is_binary(Banner) -> persistent_term:put({?MODULE, banner}, Banner)
    catch
        _:_ -> ok
    end.
