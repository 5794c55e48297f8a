%% The gen_statem module of avm's bundled standard library: OTP's generic
%% state machine behaviour with OTP 25's API, callback modes
%% (state_functions, handle_event_function, state_enter), transition
%% results, actions (postpone, next_event, reply, hibernate) and the three
%% kinds of time-outs (event, state and generic {timeout, Name}).
%%
%% A transition runs as OTP's documentation orders it: actions in order,
%% postponing the event, re-queueing postponed events when the state
%% changes, inserting next_event events first, the state enter call, then
%% the time-outs. State and generic time-outs are timers of the server
%% (erlang:start_timer/3); an event time-out is the after-clause of the
%% receive and any event cancels it.
%%
%% Not provided: the sys debug options. {global, Name} names: see gen.
-module(gen_statem).

-export([start/3, start/4, start_link/3, start_link/4,
         start_monitor/3, start_monitor/4, stop/1, stop/3,
         call/2, call/3, cast/2, reply/1, reply/2,
         send_request/2, wait_response/2, receive_response/2, check_response/2,
         enter_loop/4, enter_loop/5, enter_loop/6, wakeup/5]).

-export([system_continue/3, system_terminate/4, system_code_change/4,
         system_get_state/1, system_replace_state/2]).

-export([init_it/6]).

-callback init(Args :: term()) -> term().
-callback callback_mode() -> atom() | [atom()].
-callback terminate(Reason :: term(), State :: term(), Data :: term()) -> term().
-callback code_change(OldVsn :: term(), State :: term(), Data :: term(), Extra :: term()) -> term().
-callback format_status(Opt :: normal | terminate, StatusData :: [term()]) -> term().
-callback handle_event(EventType :: term(), EventContent :: term(), State :: term(), Data :: term()) -> term().
-optional_callbacks([terminate/3, code_change/4, format_status/2, handle_event/4]).

%% The server's fixed part: who it is, how it calls back, its timers and
%% its queue of events to handle before the next message.
-record(s, {parent, name, module, mode = state_functions, enter = false,
            hib_after = infinity,
            timers = #{},        % state_timeout | {timeout, Name} => {TRef, Content}
            postponed = [],      % newest first
            queue = []}).        % events before the mailbox, next first

%% Starting and stopping.

start(Mod, Args, Opts) -> gen:start(?MODULE, nolink, Mod, Args, Opts).
start(Name, Mod, Args, Opts) -> gen:start(?MODULE, nolink, Name, Mod, Args, Opts).
start_link(Mod, Args, Opts) -> gen:start(?MODULE, link, Mod, Args, Opts).
start_link(Name, Mod, Args, Opts) -> gen:start(?MODULE, link, Name, Mod, Args, Opts).
start_monitor(Mod, Args, Opts) -> gen:start(?MODULE, monitor, Mod, Args, Opts).
start_monitor(Name, Mod, Args, Opts) -> gen:start(?MODULE, monitor, Name, Mod, Args, Opts).

stop(Server) -> gen:stop(Server).
stop(Server, Reason, Timeout) -> gen:stop(Server, Reason, Timeout).

%% Requests.

call(Server, Request) ->
    call(Server, Request, infinity).

call(Server, Request, Timeout) ->
    T = case Timeout of
            {dirty_timeout, DT} -> DT;
            {clean_timeout, CT} -> CT;
            _ -> Timeout
        end,
    try gen:call(Server, '$gen_call', Request, T) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {?MODULE, call, [Server, Request, Timeout]}})
    end.

cast(Server, Msg) ->
    Dest = case Server of
               {global, Name} -> catch global:whereis_name(Name);
               {via, Mod, Name} -> catch Mod:whereis_name(Name);
               {Name, Node} when is_atom(Name), Node =:= node() -> Name;
               _ -> Server
           end,
    catch Dest ! {'$gen_cast', Msg},
    ok.

send_request(Server, Request) -> gen:send_request(Server, '$gen_call', Request).
wait_response(ReqId, Timeout) -> gen:wait_response(ReqId, Timeout).
check_response(Msg, ReqId) -> gen:check_response(Msg, ReqId).
receive_response(ReqId, Timeout) -> gen:receive_response(ReqId, Timeout).

reply({reply, From, Reply}) -> reply(From, Reply);
reply(Replies) when is_list(Replies) -> lists:foreach(fun reply/1, Replies), ok.

reply(From, Reply) -> gen:reply(From, Reply).

%% enter_loop: turns the calling process, started by proc_lib, into a
%% gen_statem.
enter_loop(Mod, Opts, State, Data) ->
    enter_loop(Mod, Opts, State, Data, self(), []).

enter_loop(Mod, Opts, State, Data, {Scope, _} = Name)
  when Scope =:= local; Scope =:= global; Scope =:= via ->
    enter_loop(Mod, Opts, State, Data, Name, []);
enter_loop(Mod, Opts, State, Data, Actions) ->
    enter_loop(Mod, Opts, State, Data, self(), Actions).

enter_loop(Mod, Opts, State, Data, Server, Actions) ->
    Name = gen:get_proc_name(Server),
    S = #s{parent = gen:get_parent(), name = Name, module = Mod,
           hib_after = gen:hibernate_after(Opts)},
    enter(S, State, Data, Actions).

%% The server process.

init_it(Starter, self, Name, Mod, Args, Opts) ->
    init_it(Starter, self(), Name, Mod, Args, Opts);
init_it(Starter, Parent, NameSpec, Mod, Args, Opts) ->
    S = #s{parent = Parent, name = gen:name(NameSpec), module = Mod,
           hib_after = gen:hibernate_after(Opts)},
    Result = try
                 {ok, Mod:init(Args)}
             catch
                 throw:Thrown -> {ok, Thrown};
                 C:R:Stk -> {'EXIT', C, R, Stk}
             end,
    case Result of
        {ok, {ok, State, Data}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(S, State, Data, []);
        {ok, {ok, State, Data, Actions}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(S, State, Data, Actions);
        {ok, {stop, Reason}} ->
            gen:unregister_name(NameSpec),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        {ok, {error, Reason}} ->
            gen:unregister_name(NameSpec),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(normal);
        {ok, ignore} ->
            gen:unregister_name(NameSpec),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        {ok, Other} ->
            gen:unregister_name(NameSpec),
            Error = {bad_return_from_init, Other},
            proc_lib:init_ack(Starter, {error, Error}),
            exit(Error);
        {'EXIT', Class, Reason, St} ->
            gen:unregister_name(NameSpec),
            proc_lib:init_ack(Starter, {error, exit_reason(Class, Reason, St)}),
            erlang:raise(Class, Reason, St)
    end.

%% enter: the first transition, into the initial state (a state enter
%% call happens as for a change of state).
enter(S0, State, Data, Actions) ->
    case callback_mode(S0) of
        {ok, S} ->
            transition(S, State, State, Data, Actions, initial, undefined, true);
        {error, Reason} ->
            terminate(error, Reason, [], S0, State, Data, undefined)
    end.

callback_mode(#s{module = Mod} = S) ->
    try Mod:callback_mode() of
        CM -> parse_callback_mode(CM, S)
    catch
        throw:CM -> parse_callback_mode(CM, S);
        _:_ -> {error, {bad_callback_mode, undefined}}
    end.

parse_callback_mode(CM, S) when is_atom(CM) ->
    parse_callback_mode([CM], S);
parse_callback_mode(CM, S) when is_list(CM) ->
    Modes = [M || M <- CM, M =:= state_functions orelse M =:= handle_event_function],
    Enter = lists:member(state_enter, CM),
    Rest = [M || M <- CM, M =/= state_functions, M =/= handle_event_function, M =/= state_enter],
    case {Modes, Rest} of
        {[Mode], []} -> {ok, S#s{mode = Mode, enter = Enter}};
        _ -> {error, {bad_callback_mode, CM}}
    end;
parse_callback_mode(CM, _S) ->
    {error, {bad_callback_mode, CM}}.

%% loop: handles the queued events, then waits for a message (until the
%% event time-out, when one runs).
loop(#s{queue = [Event | Queue]} = S, State, Data, _EventTimeout) ->
    handle_event(S#s{queue = Queue}, State, Data, Event);
loop(S, State, Data, hibernate) ->
    proc_lib:hibernate(?MODULE, wakeup, [S, State, Data, none, hibernated]);
loop(S, State, Data, {EventTime, Content}) ->
    receive
        Msg -> decode(Msg, S, State, Data, {EventTime, Content})
    after EventTime ->
        handle_event(S, State, Data, {timeout, Content})
    end;
loop(#s{hib_after = infinity} = S, State, Data, none) ->
    receive Msg -> decode(Msg, S, State, Data, none) end;
loop(#s{hib_after = HibAfter} = S, State, Data, none) ->
    receive
        Msg -> decode(Msg, S, State, Data, none)
    after HibAfter ->
        loop(S, State, Data, hibernate)
    end.

wakeup(S, State, Data, EventTimeout, hibernated) ->
    receive Msg -> decode(Msg, S, State, Data, EventTimeout) end.

decode({system, From, Req}, #s{parent = Parent} = S, State, Data, EventTimeout) ->
    sys:handle_system_msg(Req, From, Parent, ?MODULE, [], {S, State, Data, EventTimeout});
decode({'EXIT', Parent, Reason}, #s{parent = Parent} = S, State, Data, _) ->
    terminate(exit, Reason, [], S, State, Data, {info, {'EXIT', Parent, Reason}});
decode({timeout, TRef, _} = Msg, #s{timers = Timers} = S, State, Data, EventTimeout) ->
    %% The content is the timer's latest: an update action changes it.
    case [{Type, Content} || {Type, {Ref, Content}} <- maps:to_list(Timers), Ref =:= TRef] of
        [{Type, Content}] ->
            handle_event(S#s{timers = maps:remove(Type, Timers)}, State, Data, {Type, Content});
        [] ->
            decode_other(Msg, S, State, Data, EventTimeout)
    end;
decode(Msg, S, State, Data, EventTimeout) ->
    decode_other(Msg, S, State, Data, EventTimeout).

decode_other({'$gen_call', From, Request}, S, State, Data, _) ->
    handle_event(S, State, Data, {{call, From}, Request});
decode_other({'$gen_cast', Msg}, S, State, Data, _) ->
    handle_event(S, State, Data, {cast, Msg});
decode_other(Msg, S, State, Data, _) ->
    handle_event(S, State, Data, {info, Msg}).

%% handle_event: calls the state callback for one event and makes the
%% transition it asks for.
handle_event(S, State, Data, {Type, Content} = Event) ->
    case call_state_function(S, Type, Content, State, Data) of
        {ok, Result} ->
            case parse_result(Result, State, Data) of
                {stop, Reason, Replies, NData} ->
                    send_replies(Replies),
                    terminate(exit, Reason, [], S, State, NData, Event);
                {Kind, NState, NData, Actions} ->
                    transition(S, State, NState, NData, Actions, Kind, Event, false);
                {bad, What} ->
                    terminate(error, {bad_return_from_state_function, What}, [],
                              S, State, Data, Event)
            end;
        {'EXIT', Class, Reason, St} ->
            terminate(Class, Reason, St, S, State, Data, Event)
    end.

call_state_function(#s{module = Mod, mode = Mode}, Type, Content, State, Data) ->
    try
        case Mode of
            state_functions -> {ok, Mod:State(Type, Content, Data)};
            handle_event_function -> {ok, Mod:handle_event(Type, Content, State, Data)}
        end
    catch
        throw:R -> {ok, R};
        Class:R:St -> {'EXIT', Class, R, St}
    end.

%% parse_result(Result, State, Data): {Kind, NewState, NewData, Actions}
%% with Kind next_state, keep_state or repeat_state; or {stop, Reason,
%% Replies, Data}; or {bad, Result}.
parse_result({next_state, NState, NData}, _, _) -> {next_state, NState, NData, []};
parse_result({next_state, NState, NData, Actions}, _, _) -> {next_state, NState, NData, Actions};
parse_result({keep_state, NData}, State, _) -> {keep_state, State, NData, []};
parse_result({keep_state, NData, Actions}, State, _) -> {keep_state, State, NData, Actions};
parse_result(keep_state_and_data, State, Data) -> {keep_state, State, Data, []};
parse_result({keep_state_and_data, Actions}, State, Data) -> {keep_state, State, Data, Actions};
parse_result({repeat_state, NData}, State, _) -> {repeat_state, State, NData, []};
parse_result({repeat_state, NData, Actions}, State, _) -> {repeat_state, State, NData, Actions};
parse_result(repeat_state_and_data, State, Data) -> {repeat_state, State, Data, []};
parse_result({repeat_state_and_data, Actions}, State, Data) -> {repeat_state, State, Data, Actions};
parse_result({stop, Reason}, _, Data) -> {stop, Reason, [], Data};
parse_result({stop, Reason, NData}, _, _) -> {stop, Reason, [], NData};
parse_result({stop_and_reply, Reason, Replies}, _, Data) -> {stop, Reason, listify(Replies), Data};
parse_result({stop_and_reply, Reason, Replies, NData}, _, _) -> {stop, Reason, listify(Replies), NData};
parse_result(Other, _, _) -> {bad, Other}.

listify(L) when is_list(L) -> L;
listify(X) -> [X].

send_replies(Replies) ->
    [gen:reply(From, Reply) || {reply, From, Reply} <- Replies],
    ok.

%% transition(S, State, NState, NData, Actions, Kind, Event, IsInitial).
transition(S0, State, NState, NData, Actions, Kind, Event, IsInitial) ->
    case parse_actions(listify(Actions), false) of
        {ok, Postpone, Hibernate, NextEvents, Timeouts, Replies} ->
            send_replies(Replies),
            Changed = IsInitial orelse NState =/= State,
            S1 = case Postpone andalso Event =/= undefined of
                     true -> S0#s{postponed = [Event | S0#s.postponed]};
                     false -> S0
                 end,
            S2 = case Changed andalso not IsInitial of
                     true ->
                         S1#s{queue = lists:reverse(S1#s.postponed) ++ S1#s.queue,
                              postponed = [],
                              timers = cancel_timer(state_timeout, S1#s.timers)};
                     false ->
                         S1
                 end,
            S3 = S2#s{queue = [E || {next_event, _, _} = A <- NextEvents,
                                    E <- [next_event(A)]] ++ S2#s.queue},
            Enter = S3#s.enter andalso (Changed orelse Kind =:= repeat_state),
            case Enter of
                true ->
                    state_enter(S3, State, NState, NData, Timeouts, Hibernate, Event);
                false ->
                    start_timeouts(S3, NState, NData, Timeouts, Hibernate)
            end;
        {error, What} ->
            terminate(error, {bad_action_from_state_function, What}, [], S0, State, NData, Event)
    end.

next_event({next_event, Type, Content}) -> {Type, Content}.

%% state_enter: the call Mod:NState(enter, OldState, Data); it may keep or
%% repeat the state, reply, hibernate and set time-outs.
state_enter(S, OldState, State, Data, Timeouts0, Hibernate0, Event) ->
    case call_state_function(S, enter, OldState, State, Data) of
        {ok, Result} ->
            case parse_result(Result, State, Data) of
                {stop, Reason, Replies, NData} ->
                    send_replies(Replies),
                    terminate(exit, Reason, [], S, State, NData, Event);
                {Kind, NState, NData, Actions} when NState =:= State; Kind =/= next_state ->
                    case parse_actions(listify(Actions), true) of
                        {ok, false, Hibernate, [], Timeouts, Replies} ->
                            send_replies(Replies),
                            case Kind of
                                repeat_state ->
                                    state_enter(S, OldState, State, NData,
                                                Timeouts0 ++ Timeouts, Hibernate0 orelse Hibernate, Event);
                                _ ->
                                    start_timeouts(S, State, NData, Timeouts0 ++ Timeouts,
                                                   Hibernate0 orelse Hibernate)
                            end;
                        {ok, _, _, _, _, _} ->
                            terminate(error, {bad_state_enter_action_from_state_function, Actions},
                                      [], S, State, NData, Event);
                        {error, What} ->
                            terminate(error, {bad_state_enter_action_from_state_function, What},
                                      [], S, State, NData, Event)
                    end;
                {_, _, _, _} ->
                    terminate(error, {bad_state_enter_return_from_state_function, Result},
                              [], S, State, Data, Event);
                {bad, What} ->
                    terminate(error, {bad_state_enter_return_from_state_function, What},
                              [], S, State, Data, Event)
            end;
        {'EXIT', Class, Reason, St} ->
            terminate(Class, Reason, St, S, State, Data, Event)
    end.

%% parse_actions: {ok, Postpone, Hibernate, NextEvents, Timeouts, Replies},
%% each list in action order.
parse_actions(Actions, IsEnter) ->
    parse_actions(Actions, IsEnter, false, false, [], [], []).

parse_actions([], _IsEnter, P, H, N, T, R) ->
    {ok, P, H, lists:reverse(N), lists:reverse(T), lists:reverse(R)};
parse_actions([A | As], IsEnter, P, H, N, T, R) ->
    case A of
        postpone when not IsEnter -> parse_actions(As, IsEnter, true, H, N, T, R);
        {postpone, B} when is_boolean(B), not IsEnter -> parse_actions(As, IsEnter, B, H, N, T, R);
        hibernate -> parse_actions(As, IsEnter, P, true, N, T, R);
        {hibernate, B} when is_boolean(B) -> parse_actions(As, IsEnter, P, B, N, T, R);
        {next_event, Type, _} when not IsEnter ->
            case valid_event_type(Type) of
                true -> parse_actions(As, IsEnter, P, H, [A | N], T, R);
                false -> {error, A}
            end;
        {reply, _From, _Reply} -> parse_actions(As, IsEnter, P, H, N, T, [A | R]);
        Time when is_integer(Time), Time >= 0; Time =:= infinity ->
            parse_actions(As, IsEnter, P, H, N, [{timeout, Time, Time, []} | T], R);
        _ ->
            case parse_timeout(A) of
                {ok, Timeout} -> parse_actions(As, IsEnter, P, H, N, [Timeout | T], R);
                error -> {error, A}
            end
    end.

valid_event_type({call, {Pid, _}}) when is_pid(Pid) -> true;
valid_event_type(Type) ->
    lists:member(Type, [cast, info, internal, timeout, state_timeout]) orelse
        (is_tuple(Type) andalso tuple_size(Type) =:= 2 andalso element(1, Type) =:= timeout).

%% parse_timeout: {Type, Time | cancel | update, Content, Opts}.
parse_timeout({Type, Time, Content}) -> parse_timeout({Type, Time, Content, []});
parse_timeout({Type, cancel}) -> parse_timeout({Type, cancel, undefined, []});
parse_timeout({Type, Time, _Content, Opts} = T) when is_list(Opts) ->
    case timeout_type(Type) andalso valid_time(Time, Opts) of
        true -> {ok, T};
        false -> error
    end;
parse_timeout(_) ->
    error.

timeout_type(timeout) -> true;
timeout_type(state_timeout) -> true;
timeout_type({timeout, _Name}) -> true;
timeout_type(_) -> false.

valid_time(infinity, _) -> true;
valid_time(cancel, _) -> true;
valid_time(update, _) -> true;
valid_time(T, Opts) when is_integer(T) ->
    case lists:keyfind(abs, 1, Opts) of
        {abs, true} -> true;
        _ -> T >= 0
    end;
valid_time(_, _) -> false.

%% start_timeouts: applies the time-out actions in order (a later one of a
%% kind replaces an earlier one), then waits for the next event.
start_timeouts(S, State, Data, Timeouts, Hibernate) ->
    {Timers, EventTimeout} = lists:foldl(fun apply_timeout/2, {S#s.timers, none}, Timeouts),
    NS = S#s{timers = Timers},
    Next = case {EventTimeout, NS#s.queue} of
               {_, [_ | _]} -> none;           % queued events cancel an event time-out
               {{T, C}, []} when T =/= infinity -> {T, C};
               _ -> none
           end,
    case Hibernate andalso NS#s.queue =:= [] of
        true -> proc_lib:hibernate(?MODULE, wakeup, [NS, State, Data, Next, hibernated]);
        false -> loop(NS, State, Data, Next)
    end.

apply_timeout({timeout, cancel, _, _}, {Timers, _}) ->
    {Timers, none};
apply_timeout({timeout, update, Content, _}, {Timers, _}) ->
    {Timers, {0, Content}};
apply_timeout({timeout, Time, Content, Opts}, {Timers, _}) ->
    {Timers, {relative(Time, Opts), Content}};
apply_timeout({Type, cancel, _, _}, {Timers, ET}) ->
    {cancel_timer(Type, Timers), ET};
apply_timeout({Type, update, Content, _}, {Timers, ET}) ->
    case Timers of
        #{Type := {TRef, _}} -> {Timers#{Type := {TRef, Content}}, ET};
        _ -> {start_timer(Type, 0, Content, Timers), ET}
    end;
apply_timeout({Type, infinity, _, _}, {Timers, ET}) ->
    {cancel_timer(Type, Timers), ET};
apply_timeout({Type, Time, Content, Opts}, {Timers, ET}) ->
    {start_timer(Type, relative(Time, Opts), Content, cancel_timer(Type, Timers)), ET}.

relative(infinity, _) -> infinity;
relative(Time, Opts) ->
    case lists:keyfind(abs, 1, Opts) of
        {abs, true} -> max(0, Time - erlang:monotonic_time(millisecond));
        _ -> Time
    end.

start_timer(Type, Time, Content, Timers) ->
    TRef = erlang:start_timer(Time, self(), Content),
    Timers#{Type => {TRef, Content}}.

cancel_timer(Type, Timers) ->
    case Timers of
        #{Type := {TRef, _}} ->
            erlang:cancel_timer(TRef),
            receive {timeout, TRef, _} -> ok after 0 -> ok end,
            maps:remove(Type, Timers);
        _ ->
            Timers
    end.

%% Termination.

terminate(Class, Reason, Stacktrace, #s{module = Mod} = S, State, Data, Event) ->
    TermReason = exit_reason(Class, Reason, Stacktrace),
    case erlang:function_exported(Mod, terminate, 3) of
        true ->
            try Mod:terminate(TermReason, State, Data) of
                _ -> ok
            catch
                throw:_ -> ok;
                C:R:St ->
                    error_info(C, R, St, S, State, Data, Event),
                    erlang:raise(C, R, St)
            end;
        false ->
            ok
    end,
    case normal_reason(TermReason) of
        true -> ok;
        false -> error_info(Class, Reason, Stacktrace, S, State, Data, Event)
    end,
    case Stacktrace of
        [] -> erlang:Class(Reason);
        _ -> erlang:raise(Class, Reason, Stacktrace)
    end.

exit_reason(error, Reason, Stacktrace) -> {Reason, Stacktrace};
exit_reason(exit, Reason, _) -> Reason;
exit_reason(throw, Reason, Stacktrace) -> {{nocatch, Reason}, Stacktrace}.

normal_reason(normal) -> true;
normal_reason(shutdown) -> true;
normal_reason({shutdown, _}) -> true;
normal_reason(_) -> false.

error_info(Class, Reason, Stacktrace, #s{name = Name, module = Mod, mode = Mode, enter = Enter,
                                         postponed = Postponed, queue = Queue},
           State, Data, Event) ->
    CallbackMode = case Enter of
                       true -> [Mode, state_enter];
                       false -> Mode
                   end,
    Stack = case Stacktrace of
                [] -> "";
                _ -> io_lib:format("** Stacktrace =~n**  ~tp~n", [Stacktrace])
            end,
    error_logger:error_msg("** State machine ~tp terminating~n"
                           "** Last event = ~tp~n"
                           "** When server state  = ~tp~n"
                           "** Reason for termination = ~w:~tp~n"
                           "** Callback module = ~w~n"
                           "** Callback mode = ~w~n"
                           "** Queued = ~tp~n"
                           "** Postponed = ~tp~n~s",
                           [Name, Event, {State, Data}, Class, Reason, Mod, CallbackMode,
                            Queue, lists:reverse(Postponed), Stack]).

%% The system message callbacks.

system_continue(_Parent, _Debug, {S, State, Data, EventTimeout}) ->
    loop(S, State, Data, EventTimeout).

system_terminate(Reason, _Parent, _Debug, {S, State, Data, _}) ->
    terminate(exit, Reason, [], S, State, Data, undefined).

system_code_change({#s{module = Mod} = S, State, Data, ET}, _Module, OldVsn, Extra) ->
    case catch Mod:code_change(OldVsn, State, Data, Extra) of
        {ok, NState, NData} ->
            case callback_mode(S) of
                {ok, NS} -> {ok, {NS, NState, NData, ET}};
                {error, Reason} -> Reason
            end;
        Error ->
            Error
    end.

system_get_state({_S, State, Data, _}) ->
    {ok, {State, Data}}.

system_replace_state(Fun, {S, State, Data, ET}) ->
    {NState, NData} = Fun({State, Data}),
    {ok, {NState, NData}, {S, NState, NData, ET}}.
