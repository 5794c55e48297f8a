%% The gen_server module of avm's bundled standard library: OTP's generic
%% server behaviour, with OTP 25's API, callbacks, return values and exit
%% reasons. When a server terminates abnormally it prints an error report on
%% standard error (and proc_lib a crash report), as OTP's logger would.
%%
%% Not provided: the sys debug options, which are accepted and ignored.
%% {global, Name} names live in the one node's global registry (see gen).
-module(gen_server).

-export([start/3, start/4, start_link/3, start_link/4,
         start_monitor/3, start_monitor/4,
         stop/1, stop/3, call/2, call/3, cast/2, reply/2,
         send_request/2, wait_response/2, receive_response/2, check_response/2,
         abcast/2, abcast/3, multi_call/2, multi_call/3, multi_call/4,
         enter_loop/3, enter_loop/4, enter_loop/5, wake_hib/6]).

-export([system_continue/3, system_terminate/4, system_code_change/4,
         system_get_state/1, system_replace_state/2]).

-export([init_it/6]).

-callback init(Args :: term()) -> term().
-callback handle_call(Request :: term(), From :: {pid(), term()}, State :: term()) -> term().
-callback handle_cast(Request :: term(), State :: term()) -> term().
-callback handle_info(Info :: timeout | term(), State :: term()) -> term().
-callback handle_continue(Info :: term(), State :: term()) -> term().
-callback terminate(Reason :: term(), State :: term()) -> term().
-callback code_change(OldVsn :: term(), State :: term(), Extra :: term()) -> {ok, term()} | {error, term()}.
-callback format_status(Opt :: normal | terminate, StatusData :: [term()]) -> term().
-callback format_status(Status :: map()) -> map().
-optional_callbacks([handle_info/2, handle_continue/2, terminate/2,
                     code_change/3, format_status/2, format_status/1]).

%% Starting.

start(Mod, Args, Options) ->
    gen:start(?MODULE, nolink, Mod, Args, Options).

start(Name, Mod, Args, Options) ->
    gen:start(?MODULE, nolink, Name, Mod, Args, Options).

start_link(Mod, Args, Options) ->
    gen:start(?MODULE, link, Mod, Args, Options).

start_link(Name, Mod, Args, Options) ->
    gen:start(?MODULE, link, Name, Mod, Args, Options).

start_monitor(Mod, Args, Options) ->
    gen:start(?MODULE, monitor, Mod, Args, Options).

start_monitor(Name, Mod, Args, Options) ->
    gen:start(?MODULE, monitor, Name, Mod, Args, Options).

stop(Server) ->
    gen:stop(Server).

stop(Server, Reason, Timeout) ->
    gen:stop(Server, Reason, Timeout).

%% Requests.

call(Server, Request) ->
    try gen:call(Server, '$gen_call', Request) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {?MODULE, call, [Server, Request]}})
    end.

call(Server, Request, Timeout) ->
    try gen:call(Server, '$gen_call', Request, Timeout) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {?MODULE, call, [Server, Request, Timeout]}})
    end.

send_request(Server, Request) ->
    gen:send_request(Server, '$gen_call', Request).

wait_response(RequestId, Timeout) ->
    gen:wait_response(RequestId, Timeout).

receive_response(RequestId, Timeout) ->
    gen:receive_response(RequestId, Timeout).

check_response(Msg, RequestId) ->
    gen:check_response(Msg, RequestId).

cast(Server, Request) ->
    send(Server, {'$gen_cast', Request}),
    ok.

send({global, Name}, Msg) -> catch global:send(Name, Msg);
send({via, Mod, Name}, Msg) -> catch Mod:send(Name, Msg);
send({Name, Node}, Msg) when is_atom(Name), Node =:= node() -> catch Name ! Msg;
send({Name, Node}, _Msg) when is_atom(Name), is_atom(Node) -> ok;
send(Dest, Msg) -> catch Dest ! Msg.

reply(From, Reply) ->
    gen:reply(From, Reply).

%% abcast and multi_call reach the named server on each node given; avm is
%% one node, so other nodes are bad nodes.
abcast(Name, Request) ->
    abcast([node()], Name, Request).

abcast(Nodes, Name, Request) when is_list(Nodes), is_atom(Name) ->
    [send({Name, Node}, {'$gen_cast', Request}) || Node <- Nodes],
    abcast.

multi_call(Name, Request) ->
    multi_call([node()], Name, Request, infinity).

multi_call(Nodes, Name, Request) ->
    multi_call(Nodes, Name, Request, infinity).

multi_call(Nodes, Name, Request, Timeout) when is_list(Nodes), is_atom(Name) ->
    Results = [multi_call_one(Node, Name, Request, Timeout) || Node <- Nodes],
    {[{Node, R} || {Node, {ok, R}} <- Results], [Node || {Node, bad} <- Results]}.

multi_call_one(Node, Name, Request, Timeout) when Node =:= node() ->
    try gen:call(Name, '$gen_call', Request, Timeout) of
        {ok, Reply} -> {Node, {ok, Reply}}
    catch
        exit:_ -> {Node, bad}
    end;
multi_call_one(Node, _Name, _Request, _Timeout) ->
    {Node, bad}.

%% enter_loop: turns the calling process, started by proc_lib, into a
%% gen_server.
enter_loop(Mod, Options, State) ->
    enter_loop(Mod, Options, State, self(), infinity).

enter_loop(Mod, Options, State, ServerName = {Scope, _})
  when Scope =:= local; Scope =:= global; Scope =:= via ->
    enter_loop(Mod, Options, State, ServerName, infinity);
enter_loop(Mod, Options, State, Timeout) ->
    enter_loop(Mod, Options, State, self(), Timeout).

enter_loop(Mod, Options, State, ServerName, Timeout) ->
    Name = gen:get_proc_name(ServerName),
    Parent = gen:get_parent(),
    S = #{parent => Parent, name => Name, mod => Mod,
          hib_after => gen:hibernate_after(Options)},
    loop(S, State, Timeout).

%% The server process.

init_it(Starter, self, Name, Mod, Args, Options) ->
    init_it(Starter, self(), Name, Mod, Args, Options);
init_it(Starter, Parent, NameSpec, Mod, Args, Options) ->
    S = #{parent => Parent, name => gen:name(NameSpec), mod => Mod,
          hib_after => gen:hibernate_after(Options)},
    case run_init(Mod, Args) of
        {ok, {ok, State}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(S, State, infinity);
        {ok, {ok, State, Next}} ->
            case valid_next(Next) of
                true ->
                    proc_lib:init_ack(Starter, {ok, self()}),
                    loop(S, State, Next);
                false ->
                    init_bad_return(Starter, {ok, State, Next})
            end;
        {ok, {stop, Reason}} ->
            gen:unregister_name(NameSpec),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        {ok, ignore} ->
            gen:unregister_name(NameSpec),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        {ok, Else} ->
            init_bad_return(Starter, Else);
        {'EXIT', Class, Reason, Stacktrace} ->
            gen:unregister_name(NameSpec),
            proc_lib:init_ack(Starter, {error, terminate_reason(Class, Reason, Stacktrace)}),
            erlang:raise(Class, Reason, Stacktrace)
    end.

init_bad_return(Starter, Else) ->
    Error = {bad_return_value, Else},
    proc_lib:init_ack(Starter, {error, Error}),
    exit(Error).

run_init(Mod, Args) ->
    try
        {ok, Mod:init(Args)}
    catch
        throw:R -> {ok, R};
        Class:R:St -> {'EXIT', Class, R, St}
    end.

valid_next(infinity) -> true;
valid_next(T) when is_integer(T), T >= 0 -> true;
valid_next(hibernate) -> true;
valid_next({continue, _}) -> true;
valid_next(_) -> false.

%% loop(S, State, Next): Next is what the last callback asked for: a
%% timeout, hibernate, or a continuation to run before the next message.
loop(S, State, {continue, Continue} = Msg) ->
    Reply = dispatch(S, handle_continue, Continue, State),
    handle_reply(Reply, S, State, Msg, undefined);
loop(S, State, hibernate) ->
    proc_lib:hibernate(?MODULE, wake_hib,
                       [maps:get(parent, S), maps:get(name, S), State,
                        maps:get(mod, S), maps:get(hib_after, S), []]);
loop(S, State, infinity) ->
    case maps:get(hib_after, S) of
        infinity ->
            receive Msg -> decode_msg(Msg, S, State) end;
        HibAfter ->
            receive
                Msg -> decode_msg(Msg, S, State)
            after HibAfter ->
                loop(S, State, hibernate)
            end
    end;
loop(S, State, Timeout) ->
    receive
        Msg -> decode_msg(Msg, S, State)
    after Timeout ->
        decode_msg(timeout, S, State)
    end.

wake_hib(Parent, Name, State, Mod, HibAfter, _Debug) ->
    S = #{parent => Parent, name => Name, mod => Mod, hib_after => HibAfter},
    receive Msg -> decode_msg(Msg, S, State) end.

decode_msg({system, From, Req}, #{parent := Parent} = S, State) ->
    sys:handle_system_msg(Req, From, Parent, ?MODULE, [], {S, State});
decode_msg({'EXIT', Parent, Reason} = Msg, #{parent := Parent} = S, State) ->
    terminate(exit, Reason, [], S, State, Msg, undefined);
decode_msg({'$gen_call', From, Request}, S, State) ->
    %% Reports show the request of a call as its last message, as OTP's.
    Msg = Request,
    Mod = maps:get(mod, S),
    Result = try
                 {ok, Mod:handle_call(Request, From, State)}
             catch
                 throw:R -> {ok, R};
                 Class:R:St -> {'EXIT', Class, R, St}
             end,
    case Result of
        {ok, {reply, Reply, NState}} ->
            reply(From, Reply),
            loop(S, NState, infinity);
        {ok, {reply, Reply, NState, Next}} ->
            case valid_next(Next) of
                true ->
                    reply(From, Reply),
                    loop(S, NState, Next);
                false ->
                    terminate(exit, {bad_return_value, {reply, Reply, NState, Next}}, [],
                              S, State, Msg, From)
            end;
        {ok, {stop, Reason, Reply, NState}} ->
            try
                terminate(exit, Reason, [], S, NState, Msg, From)
            after
                reply(From, Reply)
            end;
        Other ->
            handle_reply(Other, S, State, Msg, From)
    end;
decode_msg({'$gen_cast', Request} = Msg, S, State) ->
    handle_reply(dispatch(S, handle_cast, Request, State), S, State, Msg, undefined);
decode_msg(Msg, S, State) ->
    handle_reply(dispatch(S, handle_info, Msg, State), S, State, Msg, undefined).

dispatch(#{mod := Mod}, Callback, Msg, State) ->
    try
        {ok, Mod:Callback(Msg, State)}
    catch
        throw:R ->
            {ok, R};
        error:undef:St when Callback =:= handle_info ->
            case erlang:function_exported(Mod, handle_info, 2) of
                false ->
                    report_unexpected(Mod, Msg),
                    {ok, {noreply, State}};
                true ->
                    {'EXIT', error, undef, St}
            end;
        Class:R:St ->
            {'EXIT', Class, R, St}
    end.

report_unexpected(Mod, Msg) ->
    error_logger:warning_msg("** Undefined handle_info in ~w~n"
                             "** Unhandled message: ~tp~n", [Mod, Msg]).

handle_reply({ok, {noreply, NState}}, S, _State, _Msg, _From) ->
    loop(S, NState, infinity);
handle_reply({ok, {noreply, NState, Next}} = Ret, S, State, Msg, From) ->
    case valid_next(Next) of
        true -> loop(S, NState, Next);
        false -> terminate(exit, {bad_return_value, element(2, Ret)}, [], S, State, Msg, From)
    end;
handle_reply({ok, {stop, Reason, NState}}, S, _State, Msg, From) ->
    terminate(exit, Reason, [], S, NState, Msg, From);
handle_reply({'EXIT', Class, Reason, St}, S, State, Msg, From) ->
    terminate(Class, Reason, St, S, State, Msg, From);
handle_reply({ok, BadReply}, S, State, Msg, From) ->
    terminate(exit, {bad_return_value, BadReply}, [], S, State, Msg, From).

%% terminate runs Mod:terminate/2 (when exported), reports an abnormal
%% end, and exits with the reason OTP gives.
terminate(Class, Reason, Stacktrace, #{mod := Mod} = S, State, Msg, From) ->
    TermReason = terminate_reason(Class, Reason, Stacktrace),
    case try_terminate(Mod, TermReason, State) of
        {'EXIT', C, R, St} ->
            error_info(terminate_reason(C, R, St), S, State, Msg, From),
            erlang:raise(C, R, St);
        ok ->
            case normal_reason(TermReason) of
                true -> ok;
                false -> error_info(TermReason, S, State, Msg, From)
            end
    end,
    case Stacktrace of
        [] -> erlang:Class(Reason);
        _ -> erlang:raise(Class, Reason, Stacktrace)
    end.

terminate_reason(error, Reason, Stacktrace) -> {Reason, Stacktrace};
terminate_reason(exit, Reason, _) -> Reason;
terminate_reason(throw, Reason, Stacktrace) -> {{nocatch, Reason}, Stacktrace}.

normal_reason(normal) -> true;
normal_reason(shutdown) -> true;
normal_reason({shutdown, _}) -> true;
normal_reason(_) -> false.

try_terminate(Mod, Reason, State) ->
    case erlang:function_exported(Mod, terminate, 2) of
        true ->
            try
                _ = Mod:terminate(Reason, State),
                ok
            catch
                throw:_ -> ok;
                Class:R:St -> {'EXIT', Class, R, St}
            end;
        false ->
            ok
    end.

error_info(Reason0, #{name := Name, mod := Mod}, State0, Msg0, From) ->
    #{state := State, message := Msg, reason := Reason} =
        format_status(Mod, #{state => State0, message => Msg0, reason => Reason0, log => []}),
    {ClientFormat, ClientArgs} =
        case From of
            {Pid, _} when is_pid(Pid) -> {"** Client ~w~n", [Pid]};
            _ -> {"", []}
        end,
    error_logger:error_msg("** Generic server ~tp terminating~n"
                           "** Last message in was ~tp~n"
                           "** When Server state == ~tp~n"
                           "** Reason for termination ==~n"
                           "** ~tp~n" ++ ClientFormat,
                           [Name, Msg, State, Reason | ClientArgs]).

%% format_status: what the report shows, as the module's format_status/1
%% (OTP 25) or format_status/2 rewrites it.
format_status(Mod, Status) ->
    case erlang:function_exported(Mod, format_status, 1) of
        true ->
            try Mod:format_status(Status) of
                New when is_map(New) -> maps:merge(Status, New);
                _ -> Status
            catch
                _:_ -> Status
            end;
        false ->
            case erlang:function_exported(Mod, format_status, 2) of
                true ->
                    try Mod:format_status(terminate, [get(), maps:get(state, Status)]) of
                        Shown -> Status#{state := Shown}
                    catch
                        _:_ -> Status
                    end;
                false ->
                    Status
            end
    end.

%% The system message callbacks.

system_continue(_Parent, _Debug, {S, State}) ->
    loop(S, State, infinity).

system_terminate(Reason, _Parent, _Debug, {S, State}) ->
    terminate(exit, Reason, [], S, State, [], undefined).

system_code_change({S, State}, _Module, OldVsn, Extra) ->
    Mod = maps:get(mod, S),
    case catch Mod:code_change(OldVsn, State, Extra) of
        {ok, NewState} -> {ok, {S, NewState}};
        Else -> Else
    end.

system_get_state({_S, State}) ->
    {ok, State}.

system_replace_state(StateFun, {S, State}) ->
    NState = StateFun(State),
    {ok, NState, {S, NState}}.
