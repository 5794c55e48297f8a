%% gen_server scenarios: naming, calls, casts, infos, replies, init results,
%% continue, timeouts, hibernation, stop and the exit reasons callers see.
-module(stdlib_gen_server_basic).
-behaviour(gen_server).

-export([start/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2,
         handle_continue/2, terminate/2, code_change/3]).
%% A {via, ...} registry built on registered names.
-export([register_name/2, unregister_name/1, whereis_name/1, send/2]).

start() ->
    process_flag(trap_exit, true),
    quiet(fun() -> [{Name, catch Fun()} || {Name, Fun} <- cases()] end).

cases() ->
    [{named, fun named/0},
     {already_started, fun already_started/0},
     {unnamed, fun unnamed/0},
     {cast_and_info, fun cast_and_info/0},
     {deferred_reply, fun deferred_reply/0},
     {throw_is_return, fun throw_is_return/0},
     {call_timeout, fun call_timeout/0},
     {noproc_name, fun noproc_name/0},
     {noproc_pid, fun noproc_pid/0},
     {stop_in_call, fun stop_in_call/0},
     {stop_normal_no_reply, fun stop_normal_no_reply/0},
     {callee_crash, fun callee_crash/0},
     {init_results, fun init_results/0},
     {continue, fun continue/0},
     {init_timeout, fun init_timeout/0},
     {noreply_timeout, fun noreply_timeout/0},
     {hibernate, fun hibernate/0},
     {stop, fun stop/0},
     {stop_reason, fun stop_reason/0},
     {stop_noproc, fun stop_noproc/0},
     {parent_exit, fun parent_exit/0},
     {link_crash, fun link_crash/0},
     {sys_state, fun sys_state/0},
     {via, fun via/0},
     {multi, fun multi/0},
     {send_request, fun send_request/0},
     {enter_loop, fun enter_loop/0},
     {bad_return, fun bad_return/0},
     {start_monitor, fun start_monitor/0}].

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

named() ->
    {ok, Pid} = gen_server:start_link({local, gsb_named}, ?MODULE, counter, []),
    R1 = gen_server:call(gsb_named, get),
    R2 = gen_server:call(gsb_named, {add, 5}),
    R3 = gen_server:call(Pid, get, 1000),
    Same = whereis(gsb_named) =:= Pid,
    ok = gen_server:stop(gsb_named),
    [R1, R2, R3, Same, whereis(gsb_named)].

already_started() ->
    {ok, Pid} = gen_server:start({local, gsb_twice}, ?MODULE, counter, []),
    {error, {already_started, Pid2}} = gen_server:start({local, gsb_twice}, ?MODULE, counter, []),
    {error, {already_started, Pid3}} = gen_server:start_link({local, gsb_twice}, ?MODULE, counter, []),
    ok = gen_server:stop(Pid),
    {Pid =:= Pid2, Pid =:= Pid3}.

unnamed() ->
    {ok, Pid} = gen_server:start(?MODULE, counter, []),
    R = gen_server:call(Pid, {add, 2}),
    N = process_info(Pid, registered_name),
    ok = gen_server:stop(Pid),
    {R, N, is_process_alive(Pid)}.

cast_and_info() ->
    {ok, Pid} = gen_server:start_link(?MODULE, counter, []),
    ok = gen_server:cast(Pid, {add, 3}),
    Pid ! {add, 4},
    ok = gen_server:cast(nobody_has_this_name, hello),
    ok = gen_server:cast({nobody_has_this_name, node()}, hello),
    R = gen_server:call(Pid, get),
    ok = gen_server:stop(Pid),
    R.

deferred_reply() ->
    {ok, Pid} = gen_server:start_link(?MODULE, counter, []),
    R = gen_server:call(Pid, deferred),
    ok = gen_server:stop(Pid),
    R.

throw_is_return() ->
    {ok, Pid} = gen_server:start_link(?MODULE, counter, []),
    R = gen_server:call(Pid, throw_reply),
    ok = gen_server:stop(Pid),
    R.

call_timeout() ->
    {ok, Pid} = gen_server:start_link({local, gsb_slow}, ?MODULE, counter, []),
    R = try gen_server:call(gsb_slow, {sleep, 300}, 50)
        catch exit:Reason -> {exit, Reason}
        end,
    Alive = is_process_alive(Pid),
    ok = gen_server:stop(Pid),
    {R, Alive}.

noproc_name() ->
    R2 = try gen_server:call(gsb_nobody, ping) catch exit:E2 -> E2 end,
    R3 = try gen_server:call(gsb_nobody, ping, 100) catch exit:E3 -> E3 end,
    {R2, R3}.

noproc_pid() ->
    {ok, Pid} = gen_server:start(?MODULE, counter, []),
    ok = gen_server:stop(Pid),
    try gen_server:call(Pid, ping) of
        _ -> unexpected
    catch
        exit:{noproc, {gen_server, call, [P, ping]}} -> {noproc, P =:= Pid}
    end.

stop_in_call() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, self()}, []),
    R = gen_server:call(Pid, {stop, because, bye}),
    Terminated = receive {terminate, T} -> T after 1000 -> none end,
    wait_dead(Pid),
    {R, Terminated, is_process_alive(Pid)}.

stop_normal_no_reply() ->
    {ok, Pid} = gen_server:start(?MODULE, counter, []),
    try gen_server:call(Pid, stop_noreply) of
        _ -> unexpected
    catch
        exit:{Reason, {gen_server, call, [P, stop_noreply]}} -> {Reason, P =:= Pid}
    end.

callee_crash() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, self()}, []),
    R = try gen_server:call(Pid, crash) of
            _ -> unexpected
        catch
            exit:{{badarith, [_ | _]}, {gen_server, call, [P, crash]}} -> {badarith, P =:= Pid}
        end,
    Terminated = receive {terminate, {badarith, [_ | _]}} -> badarith after 1000 -> none end,
    {R, Terminated}.

init_results() ->
    Ignore = gen_server:start(?MODULE, ignore, []),
    Stop = gen_server:start(?MODULE, {stop, no_way}, []),
    Crash = case gen_server:start(?MODULE, crash, []) of
                {error, {badarith, [_ | _]}} -> crashed;
                Other -> Other
            end,
    Exit = gen_server:start(?MODULE, exit, []),
    Bad = gen_server:start(?MODULE, bad, []),
    Thrown = gen_server:start(?MODULE, throw, []),
    Named = gen_server:start({local, gsb_ignored}, ?MODULE, ignore, []),
    Freed = whereis(gsb_ignored),
    {Ignore, Stop, Crash, Exit, Bad, Thrown, Named, Freed}.

continue() ->
    {ok, Pid} = gen_server:start_link(?MODULE, continue, []),
    R = gen_server:call(Pid, get),
    R2 = gen_server:call(Pid, continue_again),
    ok = gen_server:stop(Pid),
    {R, R2}.

init_timeout() ->
    {ok, Pid} = gen_server:start_link(?MODULE, {timeout, self()}, []),
    R = receive {timed_out, N} -> N after 2000 -> none end,
    ok = gen_server:stop(Pid),
    R.

noreply_timeout() ->
    {ok, Pid} = gen_server:start_link(?MODULE, {counter, self()}, []),
    ok = gen_server:cast(Pid, {noreply_timeout, 20}),
    R = receive {timed_out, N} -> N after 2000 -> none end,
    ok = gen_server:stop(Pid),
    T = receive {terminate, Why} -> Why after 1000 -> none end,
    {R, T}.

hibernate() ->
    {ok, Pid} = gen_server:start_link(?MODULE, hibernate, []),
    R1 = gen_server:call(Pid, get),
    R2 = gen_server:call(Pid, hibernate),
    R3 = gen_server:call(Pid, {add, 1}),
    ok = gen_server:stop(Pid),
    {R1, R2, R3}.

stop() ->
    {ok, Pid} = gen_server:start_link(?MODULE, {counter, self()}, []),
    ok = gen_server:stop(Pid),
    T = receive {terminate, R} -> R after 1000 -> none end,
    {T, is_process_alive(Pid), flush_exit(Pid)}.

stop_reason() ->
    {ok, Pid} = gen_server:start(?MODULE, {counter, self()}, []),
    ok = gen_server:stop(Pid, {shutdown, done}, 1000),
    T = receive {terminate, R} -> R after 1000 -> none end,
    {ok, Pid2} = gen_server:start(?MODULE, {counter, self()}, []),
    Other = try gen_server:stop(Pid2, crash_in_terminate, 1000)
            catch exit:{badarith, [_ | _]} -> terminate_crashed;
                  exit:E -> {exit, E}
            end,
    {T, Other}.

stop_noproc() ->
    R1 = try gen_server:stop(gsb_nobody) catch exit:E1 -> E1 end,
    {ok, Pid} = gen_server:start(?MODULE, counter, []),
    ok = gen_server:stop(Pid),
    R2 = try gen_server:stop(Pid) catch exit:E2 -> E2 end,
    {R1, R2}.

%% A server that traps exits terminates with its parent's exit reason.
parent_exit() ->
    Self = self(),
    Parent = spawn(fun() ->
                           {ok, Pid} = gen_server:start_link(?MODULE, {trap, Self}, []),
                           Self ! {server, Pid},
                           receive go -> exit(bye) end
                   end),
    Server = receive {server, S} -> S end,
    Ref = monitor(process, Server),
    Parent ! go,
    T = receive {terminate, R} -> R after 1000 -> none end,
    D = receive {'DOWN', Ref, process, Server, Why} -> Why after 1000 -> none end,
    {T, D}.

%% A linked caller (trapping exits) sees the server's crash as an exit signal.
link_crash() ->
    {ok, Pid} = gen_server:start_link(?MODULE, counter, []),
    ok = gen_server:cast(Pid, crash),
    receive
        {'EXIT', Pid, {badarith, [_ | _]}} -> badarith_signal;
        {'EXIT', Pid, Other} -> {other, Other}
    after 1000 -> none
    end.

sys_state() ->
    {ok, Pid} = gen_server:start_link(?MODULE, counter, []),
    S1 = sys:get_state(Pid),
    S2 = sys:replace_state(Pid, fun({counter, N, P}) -> {counter, N + 10, P} end),
    R = gen_server:call(Pid, get),
    ok = gen_server:stop(Pid),
    {S1, S2, R}.

via() ->
    Name = {via, ?MODULE, gsb_via},
    {ok, Pid} = gen_server:start_link(Name, ?MODULE, counter, []),
    R1 = gen_server:call(Name, {add, 7}),
    ok = gen_server:cast(Name, {add, 1}),
    R2 = gen_server:call(Name, get),
    Again = gen_server:start(Name, ?MODULE, counter, []),
    ok = gen_server:stop(Name),
    {R1, R2, Again =:= {error, {already_started, Pid}}, whereis(gsb_via)}.

multi() ->
    {ok, Pid} = gen_server:start_link({local, gsb_multi}, ?MODULE, counter, []),
    A = gen_server:abcast(gsb_multi, {add, 2}),
    M = gen_server:multi_call(gsb_multi, get),
    N = gen_server:multi_call(gsb_nobody, get),
    ok = gen_server:stop(Pid),
    {A, M =:= {[{node(), 2}], []}, N =:= {[], [node()]}}.

send_request() ->
    {ok, Pid} = gen_server:start_link(?MODULE, counter, []),
    Req = gen_server:send_request(Pid, {add, 3}),
    R = gen_server:wait_response(Req, 1000),
    ok = gen_server:stop(Pid),
    R.

enter_loop() ->
    Pid = proc_lib:spawn_link(fun() -> gen_server:enter_loop(?MODULE, [], {counter, 40, none}) end),
    R = gen_server:call(Pid, {add, 2}),
    ok = gen_server:stop(Pid),
    R.

bad_return() ->
    {ok, Pid} = gen_server:start(?MODULE, counter, []),
    try gen_server:call(Pid, bad_return) of
        _ -> unexpected
    catch
        exit:{Reason, {gen_server, call, _}} -> Reason
    end.

start_monitor() ->
    {ok, {Pid, Ref}} = gen_server:start_monitor(?MODULE, counter, []),
    R = gen_server:call(Pid, {add, 1}),
    ok = gen_server:stop(Pid),
    Down = receive {'DOWN', Ref, process, Pid, Why} -> Why after 1000 -> none end,
    Failed = gen_server:start_monitor(?MODULE, {stop, nope}, []),
    Ignored = gen_server:start_monitor(?MODULE, ignore, []),
    Left = receive {'DOWN', _, _, _, _} = M -> M after 100 -> nothing_left end,
    {R, Down, Failed, Ignored, Left}.

wait_dead(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, R} -> R after 1000 -> timeout end.

flush_exit(Pid) ->
    receive {'EXIT', Pid, R} -> R after 1000 -> none end.

%% Callbacks.

init(counter) -> {ok, {counter, 0, none}};
init({counter, Report}) -> {ok, {counter, 0, Report}};
init({trap, Report}) ->
    process_flag(trap_exit, true),
    {ok, {counter, 0, Report}};
init(ignore) -> ignore;
init({stop, R}) -> {stop, R};
init(crash) -> {ok, 1 / zero(0)};
init(exit) -> exit(went_away);
init(bad) -> bad;
init(throw) -> throw({stop, thrown}), ok;
init(continue) -> {ok, {counter, 0, none}, {continue, 100}};
init({timeout, Report}) -> {ok, {counter, 0, Report}, 20};
init(hibernate) -> {ok, {counter, 0, none}, hibernate}.

handle_call(get, _From, {counter, N, _} = S) ->
    {reply, N, S};
handle_call({add, K}, _From, {counter, N, P}) ->
    {reply, N + K, {counter, N + K, P}};
handle_call(deferred, From, S) ->
    spawn(fun() -> gen_server:reply(From, {later, self() =/= element(1, From)}) end),
    {noreply, S};
handle_call(throw_reply, _From, S) ->
    throw({reply, thrown, S});
handle_call({sleep, T}, _From, S) ->
    receive after T -> ok end,
    {reply, slept, S};
handle_call({stop, Reason, Reply}, _From, S) ->
    {stop, Reason, Reply, S};
handle_call(stop_noreply, _From, S) ->
    {stop, normal, S};
handle_call(crash, _From, {counter, N, _}) ->
    {reply, N / 0, N};
handle_call(continue_again, _From, S) ->
    {reply, ok, S, {continue, 1000}};
handle_call(hibernate, _From, S) ->
    {reply, hibernating, S, hibernate};
handle_call(bad_return, _From, _S) ->
    what.

handle_cast({add, K}, {counter, N, P}) ->
    {noreply, {counter, N + K, P}};
handle_cast({noreply_timeout, T}, S) ->
    {noreply, S, T};
handle_cast(crash, {counter, N, _}) ->
    {noreply, N + undefined}.

handle_info({add, K}, {counter, N, P}) ->
    {noreply, {counter, N + K, P}};
handle_info(timeout, {counter, N, P}) ->
    P ! {timed_out, N},
    {noreply, {counter, N, P}}.

handle_continue(K, {counter, N, P}) ->
    {noreply, {counter, N + K, P}}.

terminate(Reason, {counter, _, P}) when is_pid(P) ->
    case Reason of
        crash_in_terminate -> P ! {terminate, Reason}, 1 / zero(0);
        _ -> P ! {terminate, Reason}
    end;
terminate(_Reason, _S) ->
    ok.

code_change(_Old, S, _Extra) ->
    {ok, S}.

zero(X) -> X.

%% The {via, ?MODULE, Name} registry.
register_name(Name, Pid) ->
    try register(Name, Pid) of true -> yes catch error:_ -> no end.
unregister_name(Name) ->
    catch unregister(Name),
    ok.
whereis_name(Name) ->
    case whereis(Name) of undefined -> undefined; Pid -> Pid end.
send(Name, Msg) ->
    case whereis(Name) of
        undefined -> exit({badarg, {Name, Msg}});
        Pid -> Pid ! Msg, Pid
    end.
