%% The proc_lib module of avm's bundled standard library: processes that
%% know their ancestors and initial call, start synchronously, and print a
%% crash report on standard error when they die of an exception, as OTP's
%% proc_lib does (its reports go through logger; avm prints them directly
%% so that they show whether or not a logger is running).
-module(proc_lib).

-compile({no_auto_import, [spawn/1, spawn/3, spawn_link/1, spawn_link/3,
                           spawn_opt/2, spawn_opt/4]}).

-export([spawn/1, spawn/3, spawn_link/1, spawn_link/3,
         spawn_opt/2, spawn_opt/4,
         start/3, start/4, start/5, start_link/3, start_link/4, start_link/5,
         start_monitor/3, start_monitor/4, start_monitor/5,
         init_ack/1, init_ack/2, init_fail/2, init_fail/3,
         init_p/3, init_p/5, wake_up/3, hibernate/3,
         stop/1, stop/3, initial_call/1, translate_initial_call/1,
         format_exception/3]).

%% Spawning.

spawn(F) when is_function(F) ->
    erlang:spawn(?MODULE, init_p, [self(), ancestors(), F]).

spawn(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn(?MODULE, init_p, [self(), ancestors(), M, F, A]).

spawn_link(F) when is_function(F) ->
    erlang:spawn_link(?MODULE, init_p, [self(), ancestors(), F]).

spawn_link(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn_link(?MODULE, init_p, [self(), ancestors(), M, F, A]).

spawn_opt(F, Opts) when is_function(F), is_list(Opts) ->
    erlang:spawn_opt(?MODULE, init_p, [self(), ancestors(), F], Opts).

spawn_opt(M, F, A, Opts) when is_atom(M), is_atom(F), is_list(A), is_list(Opts) ->
    erlang:spawn_opt(?MODULE, init_p, [self(), ancestors(), M, F, A], Opts).

%% ancestors(): the spawner's own ancestors; the new process puts the
%% spawner in front.
ancestors() ->
    case get('$ancestors') of
        L when is_list(L) -> L;
        _ -> []
    end.

%% init_p: the first function of every proc_lib process.
init_p(Parent, Ancestors, F) when is_function(F) ->
    put('$ancestors', [Parent | Ancestors]),
    {module, M} = erlang:fun_info(F, module),
    {name, Name} = erlang:fun_info(F, name),
    {arity, Arity} = erlang:fun_info(F, arity),
    put('$initial_call', {M, Name, Arity}),
    try
        F()
    catch
        Class:Reason:Stacktrace -> exit_p(Class, Reason, Stacktrace)
    end.

init_p(Parent, Ancestors, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    put('$ancestors', [Parent | Ancestors]),
    put('$initial_call', initial_mfa(M, F, A)),
    run(M, F, A).

run(M, F, A) ->
    try
        apply(M, F, A)
    catch
        Class:Reason:Stacktrace -> exit_p(Class, Reason, Stacktrace)
    end.

%% initial_mfa: what reports show as the initial call; a generic behaviour
%% shows the callback module's init.
initial_mfa(gen, init_it, [gen_event | _]) ->
    {gen_event, init_it, 6};
initial_mfa(gen, init_it, [_GenMod, _Starter, _Parent, _Name, Mod, _Args, _Opts]) ->
    {Mod, init, 1};
initial_mfa(gen, init_it, [_GenMod, _Starter, _Parent, Mod, _Args, _Opts]) ->
    {Mod, init, 1};
initial_mfa(M, F, A) ->
    {M, F, length(A)}.

%% hibernate keeps the crash report of a hibernating process: it wakes up
%% inside wake_up/3, which catches again.
hibernate(M, F, A) ->
    erlang:hibernate(?MODULE, wake_up, [M, F, A]).

wake_up(M, F, A) ->
    run(M, F, A).

exit_p(Class, Reason, Stacktrace) ->
    case quiet(Class, Reason) of
        true -> ok;
        false -> crash_report(Class, Reason, Stacktrace)
    end,
    erlang:raise(exit, exit_reason(Class, Reason, Stacktrace), Stacktrace).

quiet(exit, normal) -> true;
quiet(exit, shutdown) -> true;
quiet(exit, {shutdown, _}) -> true;
quiet(_, _) -> false.

exit_reason(error, Reason, Stacktrace) -> {Reason, Stacktrace};
exit_reason(exit, Reason, _) -> Reason;
exit_reason(throw, Reason, Stacktrace) -> {{nocatch, Reason}, Stacktrace}.

crash_report(Class, Reason, Stacktrace) ->
    {M, F, A} = case get('$initial_call') of
                    {_, _, _} = MFA -> MFA;
                    _ -> {erlang, apply, 2}
                end,
    Name = case process_info(self(), registered_name) of
               {registered_name, N} -> N;
               _ -> []
           end,
    error_logger:error_report(crash_report,
                              [{initial_call, {M, F, A}},
                               {pid, self()},
                               {registered_name, Name},
                               {error_info, {Class, Reason, Stacktrace}},
                               {ancestors, get_ancestors()}]).

get_ancestors() ->
    case get('$ancestors') of
        L when is_list(L) -> L;
        _ -> []
    end.

%% format_exception(Class, Reason, Stacktrace): the exception and its
%% stacktrace, indented, one frame a line.
format_exception(Class, Reason, Stacktrace) ->
    [io_lib:format("    exception ~w: ~tp~n", [Class, Reason]) |
     [io_lib:format("      ~ts~n", [format_frame(Frame)]) || Frame <- Stacktrace]].

format_frame({M, F, A, Loc}) when is_list(A) ->
    format_frame({M, F, length(A), Loc});
format_frame({M, F, A, Loc}) when is_integer(A) ->
    Where = case {lists:keyfind(file, 1, Loc), lists:keyfind(line, 1, Loc)} of
                {{file, File}, {line, Line}} -> io_lib:format(" (~ts, line ~w)", [File, Line]);
                _ -> ""
            end,
    io_lib:format("~w:~w/~w~s", [M, F, A, Where]);
format_frame(Other) ->
    io_lib:format("~tp", [Other]).

%% Synchronous start.

start(M, F, A) -> start(M, F, A, infinity).

start(M, F, A, Timeout) -> start(M, F, A, Timeout, []).

start(M, F, A, Timeout, SpawnOpts) when is_atom(M), is_atom(F), is_list(A) ->
    check_spawn_opts(SpawnOpts),
    {Pid, Mref} = spawn_opt(M, F, A, [monitor | SpawnOpts]),
    receive
        {ack, Pid, Return} ->
            erlang:demonitor(Mref, [flush]),
            Return;
        {nack, Pid, Return} ->
            receive {'DOWN', Mref, process, Pid, _} -> ok end,
            Return;
        {'DOWN', Mref, process, Pid, Reason} ->
            {error, Reason}
    after Timeout ->
        erlang:demonitor(Mref, [flush]),
        kill_flush(Pid),
        {error, timeout}
    end.

start_link(M, F, A) -> start_link(M, F, A, infinity).

start_link(M, F, A, Timeout) -> start_link(M, F, A, Timeout, []).

start_link(M, F, A, Timeout, SpawnOpts) when is_atom(M), is_atom(F), is_list(A) ->
    check_spawn_opts(SpawnOpts),
    Pid = spawn_opt(M, F, A, [link | SpawnOpts]),
    receive
        {ack, Pid, Return} ->
            Return;
        {nack, Pid, Return} ->
            await_exit(Pid),
            Return;
        {'EXIT', Pid, Reason} ->
            {error, Reason}
    after Timeout ->
        kill_flush(Pid),
        {error, timeout}
    end.

start_monitor(M, F, A) -> start_monitor(M, F, A, infinity).

start_monitor(M, F, A, Timeout) -> start_monitor(M, F, A, Timeout, []).

start_monitor(M, F, A, Timeout, SpawnOpts) when is_atom(M), is_atom(F), is_list(A) ->
    check_spawn_opts(SpawnOpts),
    {Pid, Mref} = spawn_opt(M, F, A, [monitor | SpawnOpts]),
    receive
        {ack, Pid, Return} ->
            {Return, Mref};
        {nack, Pid, Return} ->
            {Return, Mref};
        {'DOWN', Mref, process, Pid, Reason} = Down ->
            self() ! Down,
            {{error, Reason}, Mref}
    after Timeout ->
        kill_flush(Pid),
        {{error, timeout}, Mref}
    end.

check_spawn_opts(Opts) ->
    case lists:member(monitor, Opts) of
        true -> erlang:error(badarg, [Opts]);
        false -> ok
    end.

%% await_exit: after a failed start_link the process is gone once its
%% init_fail returns; its exit signal is consumed when trapping exits.
await_exit(Pid) ->
    case process_info(self(), trap_exit) of
        {trap_exit, true} ->
            receive {'EXIT', Pid, _} -> ok end;
        _ ->
            ok
    end.

kill_flush(Pid) ->
    unlink(Pid),
    exit(Pid, kill),
    receive {'EXIT', Pid, _} -> ok after 0 -> ok end,
    ok.

%% init_ack(Parent, Ret): tells the starter that init is done.
init_ack(Return) ->
    [Parent | _] = get('$ancestors'),
    init_ack(Parent, Return).

init_ack(Parent, Return) ->
    Parent ! {ack, self(), Return},
    ok.

%% init_fail(Parent, Ret, Exception): tells the starter that init failed,
%% then raises Exception, which ends the process (OTP 26 API).
init_fail(Return, Exception) ->
    [Parent | _] = get('$ancestors'),
    init_fail(Parent, Return, Exception).

init_fail(Parent, Return, {Class, Reason}) ->
    Parent ! {nack, self(), Return},
    case Class of
        exit -> exit(Reason);
        error -> erlang:error(Reason);
        throw -> throw(Reason)
    end.

%% stop(Process, Reason, Timeout): asks a process speaking the system
%% message protocol to terminate and waits until it has.
stop(Process) ->
    stop(Process, normal, infinity).

stop(Process, Reason, Timeout) ->
    Mref = erlang:monitor(process, Process),
    try sys:terminate(Process, Reason, Timeout) of
        ok -> ok
    catch
        exit:{noproc, {sys, terminate, _}} ->
            erlang:demonitor(Mref, [flush]),
            exit(noproc);
        exit:{timeout, {sys, terminate, _}} ->
            erlang:demonitor(Mref, [flush]),
            exit(timeout);
        exit:{Why, {sys, terminate, _}} ->
            erlang:demonitor(Mref, [flush]),
            exit(Why)
    end,
    receive
        {'DOWN', Mref, _, _, Reason} -> ok;
        {'DOWN', Mref, _, _, Other} -> exit(Other)
    after Timeout ->
        erlang:demonitor(Mref, [flush]),
        exit(timeout)
    end.

%% initial_call(Process): {M, F, Args} with dummy argument atoms.
initial_call(Process) ->
    Pid = if
              is_pid(Process) -> Process;
              is_atom(Process) -> whereis(Process);
              true -> undefined
          end,
    case Pid =/= undefined andalso process_info(Pid, dictionary) of
        {dictionary, Dict} ->
            case lists:keyfind('$initial_call', 1, Dict) of
                {_, {M, F, A}} -> {M, F, dummy_args(A)};
                false -> false
            end;
        _ ->
            false
    end.

translate_initial_call(Process) ->
    case initial_call(Process) of
        {M, F, A} -> {M, F, length(A)};
        false -> {proc_lib, init_p, 5}
    end.

dummy_args(0) -> [];
dummy_args(N) -> [list_to_atom("Argument__" ++ integer_to_list(I)) || I <- lists:seq(1, N)].
