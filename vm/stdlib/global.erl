%% global: the global name registry of one node. avm runs no distribution,
%% so global names are node-wide names kept apart from the local ones, as
%% OTP keeps them: {global, Name} servers, global:send/2. A name is freed
%% when its process exits. register_name/2 gives a process one global name
%% at most, as OTP does by default; re_register_name/2 may add more. The
%% registry is a process, started on first use.
-module(global).
-export([register_name/2, register_name/3, re_register_name/2, re_register_name/3,
         unregister_name/1, whereis_name/1, send/2, registered_names/0]).

-define(SERVER, global_name_server).

register_name(Name, Pid) when is_pid(Pid) ->
    call({register, Name, Pid, false}).

%% Resolve settles clashes between nodes; one node has none.
register_name(Name, Pid, Resolve) when is_pid(Pid), is_function(Resolve, 3) ->
    register_name(Name, Pid).

re_register_name(Name, Pid) when is_pid(Pid) ->
    call({register, Name, Pid, true}).

re_register_name(Name, Pid, Resolve) when is_pid(Pid), is_function(Resolve, 3) ->
    re_register_name(Name, Pid).

unregister_name(Name) ->
    call({unregister, Name}).

whereis_name(Name) ->
    call({whereis, Name}).

send(Name, Msg) ->
    case whereis_name(Name) of
        Pid when is_pid(Pid) ->
            Pid ! Msg,
            Pid;
        undefined ->
            exit({badarg, {Name, Msg}})
    end.

registered_names() ->
    call(registered_names).

call(Request) ->
    Server = server(),
    Ref = erlang:monitor(process, Server),
    Server ! {?SERVER, self(), Ref, Request},
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, process, _, _} ->
            call(Request)
    end.

server() ->
    case whereis(?SERVER) of
        undefined ->
            Pid = spawn(fun() -> init() end),
            try register(?SERVER, Pid) of
                true ->
                    Pid ! registered,
                    Pid
            catch
                error:badarg ->
                    % Another process started it first.
                    exit(Pid, kill),
                    server()
            end;
        Pid ->
            Pid
    end.

init() ->
    receive registered -> ok end,
    loop(#{}, #{}).

%% Names maps a name to {Pid, MonitorRef}; Pids maps a pid to its names.
loop(Names, Pids) ->
    receive
        {?SERVER, From, Ref, Request} ->
            {Reply, Names1, Pids1} = handle(Request, Names, Pids),
            From ! {Ref, Reply},
            loop(Names1, Pids1);
        {'DOWN', _, process, Pid, _} ->
            case maps:take(Pid, Pids) of
                {PidNames, Pids1} -> loop(maps:without(PidNames, Names), Pids1);
                error -> loop(Names, Pids)
            end
    end.

handle({register, Name, Pid, Replace}, Names, Pids) ->
    Taken = maps:is_key(Name, Names),
    Named = maps:is_key(Pid, Pids),
    if
        Replace; not (Taken or Named) ->
            {N1, P1} = remove(Name, Names, Pids),
            {yes, N1#{Name => {Pid, erlang:monitor(process, Pid)}}, P1#{Pid => [Name | maps:get(Pid, P1, [])]}};
        true ->
            {no, Names, Pids}
    end;
handle({unregister, Name}, Names, Pids) ->
    {N1, P1} = remove(Name, Names, Pids),
    {ok, N1, P1};
handle({whereis, Name}, Names, Pids) ->
    case maps:find(Name, Names) of
        {ok, {Pid, _}} -> {Pid, Names, Pids};
        error -> {undefined, Names, Pids}
    end;
handle(registered_names, Names, Pids) ->
    {maps:keys(Names), Names, Pids}.

remove(Name, Names, Pids) ->
    case maps:take(Name, Names) of
        {{Pid, Mon}, Names1} ->
            erlang:demonitor(Mon, [flush]),
            case lists:delete(Name, maps:get(Pid, Pids)) of
                [] -> {Names1, maps:remove(Pid, Pids)};
                Left -> {Names1, Pids#{Pid := Left}}
            end;
        error ->
            {Names, Pids}
    end.
