%% The gen_event module of avm's bundled standard library: OTP's event
%% manager behaviour with OTP 25's API and results. An event manager holds
%% handlers (a module, or {Module, Id}), newest first, and gives each event
%% to all of them; a handler that crashes is removed and reported on
%% standard error. Handlers added with add_sup_handler/3 are linked to the
%% adding process: when it dies they are removed, and it gets
%% {gen_event_EXIT, Handler, Reason} when its handler goes.
%%
%% Not provided: the sys debug options. {global, Name} names: see gen.
-module(gen_event).

-export([start/0, start/1, start/2, start_link/0, start_link/1, start_link/2,
         start_monitor/0, start_monitor/1, start_monitor/2,
         stop/1, stop/3, notify/2, sync_notify/2,
         add_handler/3, add_sup_handler/3, delete_handler/3,
         swap_handler/3, swap_sup_handler/3, which_handlers/1,
         call/3, call/4, wake_hib/4]).

-export([init_it/6, system_continue/3, system_terminate/4, system_code_change/4,
         system_get_state/1, system_replace_state/2]).

-callback init(InitArgs :: term()) -> term().
-callback handle_event(Event :: term(), State :: term()) -> term().
-callback handle_call(Request :: term(), State :: term()) -> term().
-callback handle_info(Info :: term(), State :: term()) -> term().
-callback terminate(Args :: term(), State :: term()) -> term().
-callback code_change(OldVsn :: term(), State :: term(), Extra :: term()) -> {ok, term()}.
-optional_callbacks([handle_info/2, terminate/2, code_change/3]).

-record(handler, {module, id = false, state, supervised = false}).

-define(NO_CALLBACK, 'no callback module').

start() -> gen:start(?MODULE, nolink, ?NO_CALLBACK, [], []).
start(Name) when is_tuple(Name) -> gen:start(?MODULE, nolink, Name, ?NO_CALLBACK, [], []);
start(Opts) when is_list(Opts) -> gen:start(?MODULE, nolink, ?NO_CALLBACK, [], Opts).
start(Name, Opts) -> gen:start(?MODULE, nolink, Name, ?NO_CALLBACK, [], Opts).

start_link() -> gen:start(?MODULE, link, ?NO_CALLBACK, [], []).
start_link(Name) when is_tuple(Name) -> gen:start(?MODULE, link, Name, ?NO_CALLBACK, [], []);
start_link(Opts) when is_list(Opts) -> gen:start(?MODULE, link, ?NO_CALLBACK, [], Opts).
start_link(Name, Opts) -> gen:start(?MODULE, link, Name, ?NO_CALLBACK, [], Opts).

start_monitor() -> gen:start(?MODULE, monitor, ?NO_CALLBACK, [], []).
start_monitor(Name) when is_tuple(Name) -> gen:start(?MODULE, monitor, Name, ?NO_CALLBACK, [], []);
start_monitor(Opts) when is_list(Opts) -> gen:start(?MODULE, monitor, ?NO_CALLBACK, [], Opts).
start_monitor(Name, Opts) -> gen:start(?MODULE, monitor, Name, ?NO_CALLBACK, [], Opts).

stop(M) -> gen:stop(M).
stop(M, Reason, Timeout) -> gen:stop(M, Reason, Timeout).

notify(M, Event) -> send(M, {notify, Event}).
sync_notify(M, Event) -> rpc(M, {sync_notify, Event}).

add_handler(M, Handler, Args) -> rpc(M, {add_handler, Handler, Args}).
add_sup_handler(M, Handler, Args) -> rpc(M, {add_sup_handler, Handler, Args, self()}).
delete_handler(M, Handler, Args) -> rpc(M, {delete_handler, Handler, Args}).
swap_handler(M, {H1, A1}, {H2, A2}) -> rpc(M, {swap_handler, H1, A1, H2, A2}).
swap_sup_handler(M, {H1, A1}, {H2, A2}) -> rpc(M, {swap_sup_handler, H1, A1, H2, A2, self()}).
which_handlers(M) -> rpc(M, which_handlers).

call(M, Handler, Query) ->
    try gen:call(M, '$gen_event_call', {call, Handler, Query}) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {?MODULE, call, [M, Handler, Query]}})
    end.

call(M, Handler, Query, Timeout) ->
    try gen:call(M, '$gen_event_call', {call, Handler, Query}, Timeout) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {?MODULE, call, [M, Handler, Query, Timeout]}})
    end.

rpc(M, Cmd) ->
    {ok, Reply} = gen:call(M, '$gen_event_call', Cmd, infinity),
    Reply.

send({global, Name}, Cmd) -> catch global:send(Name, Cmd), ok;
send({via, Mod, Name}, Cmd) -> catch Mod:send(Name, Cmd), ok;
send(M, Cmd) -> M ! Cmd, ok.

%% The event manager process.

init_it(Starter, self, Name, Mod, Args, Opts) ->
    init_it(Starter, self(), Name, Mod, Args, Opts);
init_it(Starter, Parent, NameSpec, _Mod, _Args, _Opts) ->
    process_flag(trap_exit, true),
    proc_lib:init_ack(Starter, {ok, self()}),
    loop(Parent, gen:name(NameSpec), [], false).

loop(Parent, Name, Handlers, true) ->
    proc_lib:hibernate(?MODULE, wake_hib, [Parent, Name, Handlers, false]);
loop(Parent, Name, Handlers, false) ->
    receive Msg -> handle_msg(Msg, Parent, Name, Handlers) end.

wake_hib(Parent, Name, Handlers, _) ->
    loop(Parent, Name, Handlers, false).

handle_msg({system, From, Req}, Parent, Name, Handlers) ->
    sys:handle_system_msg(Req, From, Parent, ?MODULE, [], {Name, Handlers});
handle_msg({'EXIT', Parent, Reason}, Parent, Name, Handlers) ->
    terminate_server(Reason, Parent, Name, Handlers);
handle_msg({'EXIT', From, Reason}, Parent, Name, Handlers0) ->
    Handlers1 = terminate_supervised(From, Reason, Name, Handlers0),
    {Hib, Handlers} = notify_all({'EXIT', From, Reason}, handle_info, Name, Handlers1),
    loop(Parent, Name, Handlers, Hib);
handle_msg({notify, Event}, Parent, Name, Handlers0) ->
    {Hib, Handlers} = notify_all(Event, handle_event, Name, Handlers0),
    loop(Parent, Name, Handlers, Hib);
handle_msg({'$gen_event_call', From, Cmd}, Parent, Name, Handlers0) ->
    {Hib, Reply, Handlers} = command(Cmd, Name, Handlers0),
    gen:reply(From, Reply),
    loop(Parent, Name, Handlers, Hib);
handle_msg(Msg, Parent, Name, Handlers0) ->
    {Hib, Handlers} = notify_all(Msg, handle_info, Name, Handlers0),
    loop(Parent, Name, Handlers, Hib).

command({sync_notify, Event}, Name, Handlers0) ->
    {Hib, Handlers} = notify_all(Event, handle_event, Name, Handlers0),
    {Hib, ok, Handlers};
command({add_handler, Handler, Args}, _Name, Handlers) ->
    add(Handler, Args, false, Handlers);
command({add_sup_handler, Handler, Args, SupPid}, _Name, Handlers) ->
    link(SupPid),
    add(Handler, Args, SupPid, Handlers);
command({delete_handler, Handler, Args}, Name, Handlers) ->
    case take(Handler, Handlers) of
        {H, Rest} -> {false, do_terminate(H, Args, delete, Name, normal), Rest};
        error -> {false, {error, module_not_found}, Handlers}
    end;
command({swap_handler, H1, A1, H2, A2}, Name, Handlers) ->
    swap(H1, A1, H2, A2, false, Name, Handlers);
command({swap_sup_handler, H1, A1, H2, A2, SupPid}, Name, Handlers) ->
    link(SupPid),
    swap(H1, A1, H2, A2, SupPid, Name, Handlers);
command(which_handlers, _Name, Handlers) ->
    {false, [handler_id(H) || H <- Handlers], Handlers};
command({call, Handler, Query}, Name, Handlers) ->
    case find(Handler, Handlers) of
        {ok, H} -> call_handler(H, Query, Name, Handlers);
        error -> {false, {error, bad_module}, Handlers}
    end.

add(Handler, Args, Sup, Handlers) ->
    H = new_handler(Handler, Sup),
    case catch (H#handler.module):init(Args) of
        {ok, State} -> {false, ok, [H#handler{state = State} | Handlers]};
        {ok, State, hibernate} -> {true, ok, [H#handler{state = State} | Handlers]};
        Other -> {false, Other, Handlers}
    end.

new_handler({Mod, Id}, Sup) -> #handler{module = Mod, id = Id, supervised = Sup};
new_handler(Mod, Sup) -> #handler{module = Mod, supervised = Sup}.

handler_id(#handler{module = Mod, id = false}) -> Mod;
handler_id(#handler{module = Mod, id = Id}) -> {Mod, Id}.

find(Handler, Handlers) ->
    case [H || H <- Handlers, handler_id(H) =:= Handler] of
        [H | _] -> {ok, H};
        [] -> error
    end.

take(Handler, Handlers) ->
    case lists:splitwith(fun(H) -> handler_id(H) =/= Handler end, Handlers) of
        {Before, [H | After]} -> {H, Before ++ After};
        {_, []} -> error
    end.

replace(#handler{} = New, Handlers) ->
    Id = handler_id(New),
    [case handler_id(H) of
         Id -> New;
         _ -> H
     end || H <- Handlers].

%% notify_all: gives Event to every handler through Func (handle_event or
%% handle_info); {Hibernate, Handlers}.
notify_all(Event, Func, Name, [H | Rest]) ->
    case update(H, Func, Event, Name) of
        {ok, H1} ->
            {Hib, Others} = notify_all(Event, Func, Name, Rest),
            {Hib, [H1 | Others]};
        {hibernate, H1} ->
            {_, Others} = notify_all(Event, Func, Name, Rest),
            {true, [H1 | Others]};
        no ->
            notify_all(Event, Func, Name, Rest)
    end;
notify_all(_Event, _Func, _Name, []) ->
    {false, []}.

update(#handler{module = Mod, state = State} = H, Func, Event, Name) ->
    case catch Mod:Func(Event, State) of
        {ok, State1} ->
            {ok, H#handler{state = State1}};
        {ok, State1, hibernate} ->
            {hibernate, H#handler{state = State1}};
        {swap_handler, Args1, State1, Handler2, Args2} ->
            swap_in(H#handler{state = State1}, Args1, Handler2, Args2, H#handler.supervised, Name);
        remove_handler ->
            do_terminate(H, remove_handler, remove, Name, normal),
            no;
        {'EXIT', {undef, [{Mod, handle_info, [_, _], _} | _]}} when Func =:= handle_info ->
            error_logger:warning_msg("** Undefined handle_info in ~tp~n** Unhandled message: ~tp~n",
                                     [Mod, Event]),
            {ok, H};
        Other ->
            do_terminate(H, {error, Other}, Event, Name, crash),
            no
    end.

call_handler(#handler{module = Mod, state = State} = H, Query, Name, Handlers) ->
    case catch Mod:handle_call(Query, State) of
        {ok, Reply, State1} ->
            {false, Reply, replace(H#handler{state = State1}, Handlers)};
        {ok, Reply, State1, hibernate} ->
            {true, Reply, replace(H#handler{state = State1}, Handlers)};
        {swap_handler, Reply, Args1, State1, Handler2, Args2} ->
            {_, Rest} = take(handler_id(H), Handlers),
            case swap_in(H#handler{state = State1}, Args1, Handler2, Args2, H#handler.supervised, Name) of
                {ok, New} -> {false, Reply, [New | Rest]};
                no -> {false, Reply, Rest}
            end;
        {remove_handler, Reply} ->
            do_terminate(H, remove_handler, remove, Name, normal),
            {_, Rest} = take(handler_id(H), Handlers),
            {false, Reply, Rest};
        Other ->
            do_terminate(H, {error, Other}, Query, Name, crash),
            {_, Rest} = take(handler_id(H), Handlers),
            {false, {error, Other}, Rest}
    end.

swap(H1, A1, H2, A2, Sup, Name, Handlers) ->
    case take(H1, Handlers) of
        {H, Rest} ->
            case swap_in(H, A1, H2, A2, Sup, Name) of
                {ok, New} -> {false, ok, [New | Rest]};
                no -> {false, {error, swap_failed}, Rest}
            end;
        error ->
            %% As OTP: with no old handler, the new one starts from
            %% {Args2, {error, module_not_found}}.
            case add(H2, {A2, {error, module_not_found}}, Sup, Handlers) of
                {Hib, ok, New} -> {Hib, ok, New};
                {Hib, Other, New} -> {Hib, {error, Other}, New}
            end
    end.

%% swap_in: ends handler H with Args1, then starts Handler2 from
%% {Args2, what H's terminate returned}.
swap_in(H, Args1, Handler2, Args2, Sup, Name) ->
    State2 = do_terminate(H, Args1, swapped, Name, {swapped, Handler2, Sup}),
    New = new_handler(Handler2, Sup),
    case catch (New#handler.module):init({Args2, State2}) of
        {ok, State} -> {ok, New#handler{state = State}};
        {ok, State, hibernate} -> {ok, New#handler{state = State}};
        Other ->
            report_terminate(New, {error, Other}, undefined, swapped, Name),
            no
    end.

%% do_terminate: calls Mod:terminate(Args, State) when exported and returns
%% its result; reports a crash, tells a supervising process.
do_terminate(#handler{module = Mod, state = State} = H, Args, LastIn, Name, How) ->
    Result = case erlang:function_exported(Mod, terminate, 2) of
                 true -> catch Mod:terminate(Args, State);
                 false -> ok
             end,
    Reason = case How of
                 crash -> element(2, Args);
                 _ -> How
             end,
    report_terminate(H, Reason, State, LastIn, Name),
    Result.

report_terminate(#handler{supervised = Sup} = H, Reason, State, LastIn, Name) ->
    case Reason of
        normal -> ok;
        shutdown -> ok;
        {swapped, _, _} -> ok;
        _ ->
            error_logger:error_msg("** gen_event handler ~tp crashed.~n"
                                   "** Was installed in ~tp~n"
                                   "** Last event was: ~tp~n"
                                   "** When handler state == ~tp~n"
                                   "** Reason == ~tp~n",
                                   [handler_id(H), Name, LastIn, State, Reason])
    end,
    case Sup of
        false -> ok;
        Pid -> Pid ! {gen_event_EXIT, handler_id(H), Reason}
    end,
    ok.

%% terminate_supervised: removes the handlers a dead process supervised.
terminate_supervised(Pid, Reason, Name, Handlers) ->
    lists:filter(
      fun(#handler{supervised = Sup} = H) when Sup =:= Pid ->
              do_terminate(H#handler{supervised = false}, {stop, Reason}, {parent_terminated, {Pid, Reason}},
                           Name, shutdown),
              false;
         (_) ->
              true
      end, Handlers).

terminate_server(Reason, Parent, Name, Handlers) ->
    [do_terminate(H, stop, stop, Name, shutdown) || H <- Handlers],
    [unlink(Sup) || #handler{supervised = Sup} <- Handlers, is_pid(Sup), Sup =/= Parent],
    exit(Reason).

%% The system message callbacks.

system_continue(Parent, _Debug, {Name, Handlers}) ->
    loop(Parent, Name, Handlers, false).

system_terminate(Reason, Parent, _Debug, {Name, Handlers}) ->
    terminate_server(Reason, Parent, Name, Handlers).

system_code_change({Name, Handlers}, Module, OldVsn, Extra) ->
    NHandlers = [case H#handler.module of
                     Module ->
                         {ok, S} = Module:code_change(OldVsn, H#handler.state, Extra),
                         H#handler{state = S};
                     _ ->
                         H
                 end || H <- Handlers],
    {ok, {Name, NHandlers}}.

system_get_state({_Name, Handlers}) ->
    {ok, [{H#handler.module, H#handler.id, H#handler.state} || H <- Handlers]}.

system_replace_state(Fun, {Name, Handlers}) ->
    NHandlers = [begin
                     {M, I, S} = Fun({H#handler.module, H#handler.id, H#handler.state}),
                     H#handler{module = M, id = I, state = S}
                 end || H <- Handlers],
    {ok, [{H#handler.module, H#handler.id, H#handler.state} || H <- NHandlers], {Name, NHandlers}}.
