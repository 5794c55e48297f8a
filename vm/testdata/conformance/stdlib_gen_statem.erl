%% gen_statem scenarios: both callback modes, state enter calls, the three
%% kinds of time-outs, postpone, next_event, replies, keep and repeat
%% state, calls and their exit reasons, stop. Each machine keeps a log of
%% what it saw in its data; the results are those logs.
-module(stdlib_gen_statem).

-export([start/0]).
-export([init/1, callback_mode/0, terminate/3, code_change/4]).
-export([locked/3, open/3, handle_event/4]).

start() ->
    process_flag(trap_exit, true),
    quiet(fun() -> [{Name, catch Fun()} || {Name, Fun} <- cases()] end).

cases() ->
    [{door, fun door/0},
     {enter, fun enter/0},
     {postpone, fun postpone/0},
     {next_event, fun next_event/0},
     {event_timeout, fun event_timeout/0},
     {event_timeout_cancelled, fun event_timeout_cancelled/0},
     {generic_timeout, fun generic_timeout/0},
     {state_timeout_cancelled, fun state_timeout_cancelled/0},
     {timeout_cancel_update, fun timeout_cancel_update/0},
     {calls, fun calls/0},
     {stop, fun stop/0},
     {init_results, fun init_results/0},
     {bad_return, fun bad_return/0},
     {named, fun named/0}].

%% OTP's logger prints the error and crash reports these scenarios cause on
%% standard output, where the result is read: keep it quiet meanwhile (avm
%% prints them on standard error).
quiet(Fun) ->
    case erlang:system_info(machine) of
        "BEAM" ->
            #{level := Level} = logger:get_primary_config(),
            ok = logger:set_primary_config(level, none),
            try Fun() after logger:set_primary_config(level, Level) end;
        _ ->
            Fun()
    end.

log(Pid) -> gen_statem:call(Pid, get_log).

%% A door with a code, in state_functions mode: the code opens it, a state
%% time-out locks it again.
door() ->
    {ok, Pid} = gen_statem:start_link(?MODULE, {door, [1, 2, 3]}, []),
    ok = gen_statem:cast(Pid, {button, 1}),
    ok = gen_statem:cast(Pid, {button, 2}),
    S1 = gen_statem:call(Pid, state),
    ok = gen_statem:cast(Pid, {button, 3}),
    S2 = gen_statem:call(Pid, state),
    receive after 150 -> ok end,
    S3 = gen_statem:call(Pid, state),
    Pid ! hello,
    L = log(Pid),
    ok = gen_statem:stop(Pid),
    {S1, S2, S3, L}.

%% handle_event_function with state_enter: enter calls on start, on each
%% change of state and on repeat_state, not on keep_state.
enter() ->
    {ok, Pid} = gen_statem:start_link(?MODULE, enter, []),
    ok = gen_statem:cast(Pid, {go, b}),
    ok = gen_statem:cast(Pid, keep),
    ok = gen_statem:cast(Pid, repeat),
    ok = gen_statem:cast(Pid, {go, b}),
    ok = gen_statem:cast(Pid, {go, c}),
    L = log(Pid),
    ok = gen_statem:stop(Pid),
    L.

%% Events postponed in busy come back, in order, when the state changes.
postpone() ->
    {ok, Pid} = gen_statem:start_link(?MODULE, postpone, []),
    ok = gen_statem:cast(Pid, {job, 1}),
    ok = gen_statem:cast(Pid, {job, 2}),
    ok = gen_statem:cast(Pid, stay_busy),
    ok = gen_statem:cast(Pid, {job, 3}),
    ok = gen_statem:cast(Pid, done),
    ok = gen_statem:cast(Pid, {job, 4}),
    L = log(Pid),
    ok = gen_statem:stop(Pid),
    L.

%% next_event events run before queued messages, first one first.
next_event() ->
    {ok, Pid} = gen_statem:start_link(?MODULE, next_event, []),
    ok = gen_statem:cast(Pid, sleep),
    ok = gen_statem:cast(Pid, burst),
    ok = gen_statem:cast(Pid, queued),
    L = log(Pid),
    ok = gen_statem:stop(Pid),
    L.

event_timeout() ->
    {ok, Pid} = gen_statem:start_link(?MODULE, {timeouts, [{timeout, 20, idle}]}, []),
    receive after 100 -> ok end,
    L = log(Pid),
    ok = gen_statem:stop(Pid),
    L.

event_timeout_cancelled() ->
    {ok, Pid} = gen_statem:start_link(?MODULE, {timeouts, [{timeout, 100, idle}]}, []),
    Pid ! poke,
    receive after 200 -> ok end,
    L = log(Pid),
    ok = gen_statem:stop(Pid),
    L.

%% A generic time-out survives a change of state; a state time-out does
%% not.
generic_timeout() ->
    {ok, Pid} = gen_statem:start_link(?MODULE, {timeouts, [{{timeout, g}, 60, generic},
                                                          {state_timeout, 60, in_state}]}, []),
    ok = gen_statem:cast(Pid, {go, other}),
    receive after 150 -> ok end,
    L = log(Pid),
    ok = gen_statem:stop(Pid),
    L.

state_timeout_cancelled() ->
    {ok, Pid} = gen_statem:start_link(?MODULE, {timeouts, [{state_timeout, 40, first}]}, []),
    ok = gen_statem:cast(Pid, {set, [{state_timeout, 80, second}]}),
    receive after 150 -> ok end,
    L = log(Pid),
    ok = gen_statem:stop(Pid),
    L.

timeout_cancel_update() ->
    {ok, Pid} = gen_statem:start_link(?MODULE, {timeouts, [{{timeout, a}, 40, a},
                                                          {{timeout, b}, 60, b},
                                                          {state_timeout, 20, s}]}, []),
    ok = gen_statem:cast(Pid, {set, [{{timeout, a}, cancel},
                                     {{timeout, b}, update, b_updated},
                                     {state_timeout, infinity, never}]}),
    receive after 150 -> ok end,
    L = log(Pid),
    ok = gen_statem:stop(Pid),
    L.

calls() ->
    {ok, Pid} = gen_statem:start_link({local, gsm_calls}, ?MODULE, {timeouts, []}, []),
    R1 = gen_statem:call(gsm_calls, {reply_with, [{reply, self_from, one}]}),
    R2 = gen_statem:call(gsm_calls, {reply_later, two}, 1000),
    R3 = try gen_statem:call(gsm_calls, no_reply, 50)
         catch exit:E3 -> E3
         end,
    R4 = try gen_statem:call(gsm_nobody, hello)
         catch exit:E4 -> E4
         end,
    R5 = gen_statem:call(gsm_calls, {stop_and_reply, bye}),
    R6 = receive {'EXIT', Pid, Why} -> Why after 1000 -> none end,
    {R1, R2, R3, R4, R5, R6}.

stop() ->
    Self = self(),
    {ok, P1} = gen_statem:start(?MODULE, {report, Self}, []),
    ok = gen_statem:stop(P1),
    T1 = receive {terminated, R1} -> R1 after 1000 -> none end,
    {ok, P2} = gen_statem:start(?MODULE, {report, Self}, []),
    ok = gen_statem:stop(P2, {shutdown, now}, 1000),
    T2 = receive {terminated, R2} -> R2 after 1000 -> none end,
    {ok, P3} = gen_statem:start(?MODULE, {report, Self}, []),
    Ref = monitor(process, P3),
    ok = gen_statem:cast(P3, {stop_with, going}),
    T3 = receive {terminated, R3} -> R3 after 1000 -> none end,
    D3 = receive {'DOWN', Ref, process, P3, W} -> W after 1000 -> none end,
    S4 = try gen_statem:stop(P3) catch exit:E -> E end,
    {T1, T2, T3, D3, S4}.

init_results() ->
    {gen_statem:start(?MODULE, ignore, []),
     gen_statem:start(?MODULE, {stop, nope}, []),
     gen_statem:start(?MODULE, bad_init, [])}.

bad_return() ->
    {ok, Pid} = gen_statem:start(?MODULE, {timeouts, []}, []),
    Ref = monitor(process, Pid),
    ok = gen_statem:cast(Pid, bad_return),
    D1 = receive {'DOWN', Ref, process, Pid, W1} -> W1 after 1000 -> none end,
    {ok, Pid2} = gen_statem:start(?MODULE, {timeouts, []}, []),
    Ref2 = monitor(process, Pid2),
    ok = gen_statem:cast(Pid2, bad_action),
    D2 = receive {'DOWN', Ref2, process, Pid2, W2} -> W2 after 1000 -> none end,
    {without_stacktrace(D1), without_stacktrace(D2)}.

without_stacktrace({Reason, [{_, _, _, _} | _]}) -> Reason;
without_stacktrace(Reason) -> Reason.

named() ->
    {ok, Pid} = gen_statem:start({local, gsm_named}, ?MODULE, {timeouts, []}, []),
    Again = gen_statem:start({local, gsm_named}, ?MODULE, {timeouts, []}, []),
    {State, Data} = sys:get_state(gsm_named),
    S = {State, lists:sort(maps:to_list(Data))},
    ok = gen_statem:stop(gsm_named),
    {Again =:= {error, {already_started, Pid}}, S, whereis(gsm_named)}.

%% Callbacks. The callback mode is chosen by init's argument, kept in the
%% process dictionary (callback_mode/0 has no arguments).

init({door, Code}) ->
    put(mode, state_functions),
    {ok, locked, #{code => Code, input => [], log => []}};
init(Kind) when Kind =:= enter; Kind =:= postpone; Kind =:= next_event ->
    put(mode, case Kind of enter -> [handle_event_function, state_enter]; _ -> handle_event_function end),
    State = case Kind of enter -> a; postpone -> busy; next_event -> idle end,
    {ok, State, #{kind => Kind, log => []}};
init({timeouts, Actions}) ->
    put(mode, handle_event_function),
    {ok, start, #{kind => timeouts, log => []}, Actions};
init({report, Pid}) ->
    put(mode, handle_event_function),
    {ok, start, #{kind => report, report => Pid, log => []}};
init(ignore) -> ignore;
init({stop, R}) -> {stop, R};
init(bad_init) -> {wrong, shape}.

callback_mode() -> get(mode).

add(Entry, #{log := Log} = D) -> D#{log := [Entry | Log]}.

%% state_functions: the door.
locked(cast, {button, B}, #{code := Code, input := In} = D) ->
    Input = In ++ [B],
    D1 = add({locked, button, B}, D#{input := Input}),
    case Input of
        Code -> {next_state, open, D1#{input := []}, [{state_timeout, 50, lock}]};
        _ -> {keep_state, D1}
    end;
locked(EventType, Content, D) ->
    common(locked, EventType, Content, D).

open(state_timeout, lock, D) ->
    {next_state, locked, add({open, state_timeout, lock}, D)};
open(cast, {button, _}, D) ->
    {keep_state, D, [postpone]};
open(EventType, Content, D) ->
    common(open, EventType, Content, D).

common(State, {call, From}, state, _D) ->
    {keep_state_and_data, [{reply, From, State}]};
common(_State, {call, From}, get_log, #{log := Log}) ->
    {keep_state_and_data, {reply, From, lists:reverse(Log)}};
common(State, info, Msg, D) ->
    {keep_state, add({State, info, Msg}, D)}.

%% handle_event_function machines.
handle_event({call, From}, get_log, _State, #{log := Log}) ->
    {keep_state_and_data, [{reply, From, lists:reverse(Log)}]};

handle_event(enter, Old, State, #{kind := enter} = D) ->
    {keep_state, add({enter, Old, State}, D)};
handle_event(cast, {go, To}, State, #{kind := enter} = D) ->
    {next_state, To, add({go, State, To}, D)};
handle_event(cast, keep, _State, #{kind := enter} = D) ->
    {keep_state, add(keep, D)};
handle_event(cast, repeat, _State, #{kind := enter} = D) ->
    {repeat_state, add(repeat, D)};

handle_event(cast, {job, N}, busy, #{kind := postpone} = D) ->
    {keep_state, add({postponed, N}, D), [postpone]};
handle_event(cast, stay_busy, busy, #{kind := postpone} = D) ->
    {next_state, busy, add(stay_busy, D)};
handle_event(cast, done, busy, #{kind := postpone} = D) ->
    {next_state, idle, add(done, D)};
handle_event(cast, {job, N}, idle, #{kind := postpone} = D) ->
    {keep_state, add({job, N}, D)};

handle_event(cast, sleep, idle, #{kind := next_event} = D) ->
    receive after 50 -> ok end,
    {keep_state, add(slept, D)};
handle_event(cast, burst, idle, #{kind := next_event} = D) ->
    {next_state, working, add(burst, D),
     [{next_event, internal, first}, {next_event, internal, second},
      {next_event, cast, third}]};
handle_event(EventType, Content, State, #{kind := next_event} = D) ->
    {keep_state, add({State, EventType, Content}, D)};

handle_event({call, From}, {reply_with, _}, _State, _D) ->
    {keep_state_and_data, [{reply, From, one}]};
handle_event({call, From}, {reply_later, R}, _State, D) ->
    {keep_state, D, [{next_event, internal, {reply_to, From, R}}]};
handle_event(internal, {reply_to, From, R}, _State, _D) ->
    gen_statem:reply(From, R),
    keep_state_and_data;
handle_event({call, _From}, no_reply, _State, _D) ->
    keep_state_and_data;
handle_event({call, From}, {stop_and_reply, R}, _State, D) ->
    {stop_and_reply, normal, [{reply, From, R}], D};
handle_event(cast, {go, To}, State, D) ->
    {next_state, To, add({go, State, To}, D)};
handle_event(cast, {set, Actions}, _State, D) ->
    {keep_state, add(set, D), Actions};
handle_event(cast, {stop_with, R}, _State, D) ->
    {stop, R, D};
handle_event(cast, bad_return, _State, _D) ->
    {what, ever};
handle_event(cast, bad_action, _State, D) ->
    {keep_state, D, [{bogus, action}]};
handle_event(EventType, Content, State, D) ->
    {keep_state, add({State, EventType, Content}, D)}.

terminate(Reason, _State, #{kind := report, report := Pid}) ->
    Pid ! {terminated, Reason};
terminate(_Reason, _State, _D) ->
    ok.

code_change(_Old, State, D, _Extra) ->
    {ok, State, D}.
