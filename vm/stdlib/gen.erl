%% The gen module of avm's bundled standard library: what the generic
%% behaviours (gen_server, gen_statem, gen_event) share, as OTP's gen does:
%% starting a process under proc_lib with a registered name, and the
%% synchronous call protocol with its monitor, timeout and exit reasons.
%%
%% Names are {local, Atom}, {via, Module, Term} and {global, Term}, which is
%% {via, global, Term}: avm runs one node, whose global registry is the
%% global module.
%%
%% As in OTP 24+, a call with a timeout monitors the server with
%% {alias, demonitor}, and the reply tag is [alias | Mref]: the server
%% replies through the alias, which the caller deactivates when it stops
%% waiting, so a reply arriving after a timeout is dropped instead of
%% lingering in the caller's mailbox. A call without a timeout waits for the
%% reply or the 'DOWN' message anyway and tags it with the plain monitor
%% reference.
-module(gen).

-export([start/5, start/6, init_it/6, init_it/7,
         call/3, call/4, send_request/3, wait_response/2, receive_response/2,
         check_response/2,
         reply/2, stop/1, stop/3,
         where/1, register_name/1, unregister_name/1, get_proc_name/1,
         get_parent/0, name/1, format_status_header/2,
         timeout/1, spawn_opts/1, hibernate_after/1, debug_options/1]).

%% start(GenMod, LinkP, [Name,] Mod, Args, Options): starts a GenMod process
%% and waits for its init to answer. LinkP is link, monitor or nolink.
start(GenMod, LinkP, Name, Mod, Args, Options) ->
    case check_name(Name) of
        ok ->
            case where(Name) of
                undefined -> do_spawn(GenMod, LinkP, Name, Mod, Args, Options);
                Pid -> {error, {already_started, Pid}}
            end;
        Error ->
            Error
    end.

start(GenMod, LinkP, Mod, Args, Options) ->
    do_spawn(GenMod, LinkP, self, Mod, Args, Options).

check_name({local, Name}) when is_atom(Name) -> ok;
check_name({via, Mod, _}) when is_atom(Mod) -> ok;
check_name({global, _}) -> ok;
check_name(Name) -> erlang:error(badarg, [Name]).

do_spawn(GenMod, LinkP, Name, Mod, Args, Options) ->
    InitArgs = case Name of
                   self -> [GenMod, self(), parent(LinkP), Mod, Args, Options];
                   _ -> [GenMod, self(), parent(LinkP), Name, Mod, Args, Options]
               end,
    Timeout = timeout(Options),
    SpawnOpts = spawn_opts(Options),
    case LinkP of
        link -> proc_lib:start_link(?MODULE, init_it, InitArgs, Timeout, SpawnOpts);
        monitor -> monitor_return(proc_lib:start_monitor(?MODULE, init_it, InitArgs, Timeout, SpawnOpts));
        nolink -> proc_lib:start(?MODULE, init_it, InitArgs, Timeout, SpawnOpts)
    end.

%% monitor_return: {ok, {Pid, Mon}} once started; a failed start is
%% waited for, so that no 'DOWN' message is left behind.
monitor_return({{ok, Pid}, Mon}) when is_pid(Pid), is_reference(Mon) ->
    {ok, {Pid, Mon}};
monitor_return({Error, Mon}) when is_reference(Mon) ->
    receive {'DOWN', Mon, process, _, _} -> ok end,
    Error.

%% parent: a linked process's parent is its starter; an unlinked one is its
%% own parent.
parent(nolink) -> self;
parent(_) -> self().

%% init_it runs in the new process: it takes the name, then hands over to
%% GenMod:init_it(Starter, Parent, Name, Mod, Args, Options).
init_it(GenMod, Starter, Parent, Mod, Args, Options) ->
    init_it2(GenMod, Starter, Parent, self(), Mod, Args, Options).

init_it(GenMod, Starter, Parent, Name, Mod, Args, Options) ->
    case register_name(Name) of
        true ->
            init_it2(GenMod, Starter, Parent, Name, Mod, Args, Options);
        {false, Pid} ->
            proc_lib:init_ack(Starter, {error, {already_started, Pid}})
    end.

init_it2(GenMod, Starter, self, Name, Mod, Args, Options) ->
    init_it2(GenMod, Starter, self(), Name, Mod, Args, Options);
init_it2(GenMod, Starter, Parent, Name, Mod, Args, Options) ->
    GenMod:init_it(Starter, Parent, Name, Mod, Args, Options).

%% Calls.

call(Process, Label, Request) ->
    call(Process, Label, Request, 5000).

call(Process, Label, Request, Timeout)
  when Timeout =:= infinity; is_integer(Timeout), Timeout >= 0 ->
    case resolve(Process) of
        undefined -> exit(noproc);
        Pid -> do_call(Pid, Label, Request, Timeout)
    end.

do_call(Pid, _Label, _Request, _Timeout) when Pid =:= self() ->
    exit(calling_self);
do_call(Pid, Label, Request, infinity) ->
    Mref = erlang:monitor(process, Pid),
    Pid ! {Label, {self(), Mref}, Request},
    receive
        {Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            {ok, Reply};
        {'DOWN', Mref, _, _, Reason} ->
            exit(Reason)
    end;
do_call(Pid, Label, Request, Timeout) ->
    Mref = erlang:monitor(process, Pid, [{alias, demonitor}]),
    Pid ! {Label, {self(), [alias | Mref]}, Request},
    receive
        {[alias | Mref], Reply} ->
            erlang:demonitor(Mref, [flush]),
            {ok, Reply};
        {'DOWN', Mref, _, _, Reason} ->
            exit(Reason)
    after Timeout ->
        case abandon(Mref) of
            {reply, Reply} -> {ok, Reply};
            timeout -> exit(timeout)
        end
    end.

%% abandon stops waiting for the reply of request Mref: demonitoring also
%% deactivates the alias, so nothing sent through it arrives from now on;
%% a reply that got in just before still counts.
abandon(Mref) ->
    erlang:demonitor(Mref, [flush]),
    receive
        {[alias | Mref], Reply} -> {reply, Reply}
    after 0 ->
        timeout
    end.

%% Asynchronous requests (gen_server:send_request/2 and friends): the
%% request id is the monitor reference, which is also the reply alias.
send_request(Process, Label, Request) ->
    case resolve(Process) of
        undefined ->
            Mref = make_ref(),
            self() ! {'DOWN', Mref, process, Process, noproc},
            Mref;
        Pid ->
            Mref = erlang:monitor(process, Pid, [{alias, demonitor}]),
            Pid ! {Label, {self(), [alias | Mref]}, Request},
            Mref
    end.

%% wait_response leaves the request pending on a timeout;
%% receive_response abandons it.
wait_response(Mref, Timeout) ->
    receive
        {[alias | Mref], Reply} ->
            erlang:demonitor(Mref, [flush]),
            {reply, Reply};
        {'DOWN', Mref, _, Object, Reason} ->
            {error, {Reason, Object}}
    after Timeout ->
        timeout
    end.

receive_response(Mref, Timeout) ->
    receive
        {[alias | Mref], Reply} ->
            erlang:demonitor(Mref, [flush]),
            {reply, Reply};
        {'DOWN', Mref, _, Object, Reason} ->
            {error, {Reason, Object}}
    after Timeout ->
        abandon(Mref)
    end.

check_response(Msg, Mref) when is_reference(Mref) ->
    case Msg of
        {[alias | Mref], Reply} ->
            erlang:demonitor(Mref, [flush]),
            {reply, Reply};
        {'DOWN', Mref, _, Object, Reason} ->
            {error, {Reason, Object}};
        _ ->
            no_reply
    end;
check_response(_, _) ->
    error(badarg).

%% reply answers a call: through the caller's alias when the tag carries
%% one, else to the caller's pid.
reply({_To, [alias | Alias] = Tag}, Reply) when is_reference(Alias) ->
    Alias ! {Tag, Reply},
    ok;
reply({_To, [[alias | Alias] | _] = Tag}, Reply) when is_reference(Alias) ->
    Alias ! {Tag, Reply},
    ok;
reply({To, Tag}, Reply) ->
    catch To ! {Tag, Reply},
    ok.

%% Stopping: proc_lib:stop/3 through the system message protocol.
stop(Process) ->
    stop(Process, normal, infinity).

stop(Process, Reason, Timeout) ->
    case resolve(Process) of
        undefined -> exit(noproc);
        Pid -> proc_lib:stop(Pid, Reason, Timeout)
    end.

%% Names.

resolve(Pid) when is_pid(Pid) -> Pid;
resolve(Name) when is_atom(Name) -> whereis(Name);
resolve({Name, Node}) when is_atom(Name), Node =:= node() -> whereis(Name);
resolve({global, Name}) -> resolve({via, global, Name});
resolve({via, Mod, Name}) ->
    case Mod:whereis_name(Name) of
        Pid when is_pid(Pid) -> Pid;
        _ -> undefined
    end;
resolve(_) -> undefined.

where({local, Name}) -> whereis(Name);
where({global, Name}) -> where({via, global, Name});
where({via, Mod, Name}) ->
    case Mod:whereis_name(Name) of
        undefined -> undefined;
        Pid -> Pid
    end.

register_name({local, Name} = LN) ->
    try register(Name, self()) of
        true -> true
    catch
        error:_ -> {false, where(LN)}
    end;
register_name({global, Name}) ->
    register_name({via, global, Name});
register_name({via, Mod, Name} = VN) ->
    case Mod:register_name(Name, self()) of
        yes -> true;
        no -> {false, where(VN)}
    end.

unregister_name({local, Name}) ->
    catch unregister(Name),
    ok;
unregister_name({global, Name}) ->
    unregister_name({via, global, Name});
unregister_name({via, Mod, Name}) ->
    _ = Mod:unregister_name(Name),
    ok;
unregister_name(Pid) when is_pid(Pid) ->
    ok.

%% name(NameSpec): the term a process is known by in reports.
name({local, Name}) -> Name;
name({global, Name}) -> Name;
name({via, _, Name}) -> Name;
name(Pid) when is_pid(Pid) -> Pid.

get_proc_name(Pid) when is_pid(Pid) -> Pid;
get_proc_name({local, Name}) ->
    case process_info(self(), registered_name) of
        {registered_name, Name} -> Name;
        _ -> exit(process_not_registered)
    end;
get_proc_name({global, Name}) ->
    case global:whereis_name(Name) of
        Pid when Pid =:= self() -> Name;
        _ -> exit(process_not_registered_globally)
    end;
get_proc_name({via, Mod, Name}) ->
    case Mod:whereis_name(Name) of
        Pid when Pid =:= self() -> Name;
        _ -> exit(process_not_registered_via)
    end.

%% get_parent(): the process that started this one, from proc_lib's
%% ancestors; the process itself when it has none.
get_parent() ->
    case get('$ancestors') of
        [Parent | _] when is_pid(Parent) -> Parent;
        [Parent | _] when is_atom(Parent) ->
            case whereis(Parent) of
                undefined -> exit(process_not_registered);
                Pid -> Pid
            end;
        _ -> self()
    end.

format_status_header(Tag, Pid) when is_pid(Pid) ->
    lists:concat([Tag, " ", pid_to_list(Pid)]);
format_status_header(Tag, RegName) when is_atom(RegName) ->
    lists:concat([Tag, " ", RegName]);
format_status_header(Tag, Name) ->
    {Tag, Name}.

%% Start options.

timeout(Options) ->
    case lists:keyfind(timeout, 1, Options) of
        {timeout, T} -> T;
        false -> infinity
    end.

spawn_opts(Options) ->
    case lists:keyfind(spawn_opt, 1, Options) of
        {spawn_opt, Opts} -> Opts;
        false -> []
    end.

hibernate_after(Options) ->
    case lists:keyfind(hibernate_after, 1, Options) of
        {hibernate_after, T} -> T;
        false -> infinity
    end.

%% debug_options: sys debug flags are accepted and ignored.
debug_options(_Options) ->
    [].
