%% A supervisor whose init fails, started with start_link by a process that
%% traps exits: start_link returns {error, Reason}, and OTP 25 leaves the
%% supervisor's {'EXIT', Pid, Reason} in the caller's mailbox, where OTP 26
%% and later consume it. avm follows OTP 25.
-module(stdlib_sup_otpdiff_start_link_exit).

-export([start/0, init/1]).

start() ->
    process_flag(trap_exit, true),
    quiet(fun() ->
                  Result = supervisor:start_link(?MODULE, bad_flags),
                  Exit = receive {'EXIT', _, R} -> {exit, R} after 200 -> no_exit_message end,
                  {Result, Exit}
          end).

%% OTP's logger prints the crash report of the failed start on standard
%% output, where the result is read: keep it quiet meanwhile (avm prints it
%% on standard error).
quiet(Fun) ->
    case erlang:system_info(machine) of
        "BEAM" ->
            #{level := Level} = logger:get_primary_config(),
            ok = logger:set_primary_config(level, none),
            try Fun() after logger:set_primary_config(level, Level) end;
        _ ->
            Fun()
    end.

init(bad_flags) ->
    {ok, {#{strategy => sideways}, []}}.
