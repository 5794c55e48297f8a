%% The supervisor module of avm's bundled standard library: OTP's supervisor
%% behaviour with OTP 25's API, strategies, child specifications, restart
%% intensity and results. A supervisor is a gen_server whose callback
%% module is this one; it traps exits, starts its children in order and
%% stops them in reverse order.
%%
%% Children are kept newest first, as OTP keeps them, so which_children/1
%% lists them in the same order. Reports (child_terminated,
%% start_error, shutdown_error, reached_max_restart_intensity) are printed
%% on standard error as =SUPERVISOR REPORT====. With auto_shutdown
%% any_significant or all_significant, significant children that end for
%% good end the supervisor (reason shutdown), as in OTP 24+.
-module(supervisor).
-behaviour(gen_server).

-export([start_link/2, start_link/3, start_child/2, restart_child/2,
         delete_child/2, terminate_child/2, which_children/1,
         count_children/1, check_childspecs/1, check_childspecs/2,
         get_childspec/2]).

-export([init/1, handle_call/3, handle_cast/2, handle_info/2,
         terminate/2, code_change/3]).

-callback init(Args :: term()) -> {ok, {term(), [term()]}} | ignore.

%% The layout of OTP's child record: start_child/2 returns it in
%% {error, {Reason, Child}}.
-record(child, {pid = undefined,
                id,
                mfargs,
                restart_type,
                significant,
                shutdown,
                child_type,
                modules = []}).

-record(state, {name,
                strategy,
                children = [],      % newest first
                dynamics = #{},     % simple_one_for_one: pid => start args
                intensity,
                period,
                restarts = [],
                auto_shutdown,
                module,
                args}).

-define(is_simple(S), S#state.strategy =:= simple_one_for_one).

%% API.

start_link(Mod, Args) ->
    gen_server:start_link(?MODULE, {self, Mod, Args}, []).

start_link(SupName, Mod, Args) ->
    gen_server:start_link(SupName, ?MODULE, {SupName, Mod, Args}, []).

start_child(Sup, ChildSpecOrArgs) -> call(Sup, {start_child, ChildSpecOrArgs}).
restart_child(Sup, Id) -> call(Sup, {restart_child, Id}).
delete_child(Sup, Id) -> call(Sup, {delete_child, Id}).
terminate_child(Sup, Id) -> call(Sup, {terminate_child, Id}).
which_children(Sup) -> call(Sup, which_children).
count_children(Sup) -> call(Sup, count_children).
get_childspec(Sup, Id) -> call(Sup, {get_childspec, Id}).

call(Sup, Req) -> gen_server:call(Sup, Req, infinity).

check_childspecs(Specs) -> check_childspecs(Specs, never).

check_childspecs(Specs, AutoShutdown) when is_list(Specs) ->
    case check_specs(Specs, AutoShutdown) of
        {ok, _} -> ok;
        Error -> {error, Error}
    end;
check_childspecs(X, _AutoShutdown) ->
    {error, {badarg, X}}.

%% gen_server callbacks.

init({SupName, Mod, Args}) ->
    process_flag(trap_exit, true),
    case Mod:init(Args) of
        {ok, {Flags, Specs}} ->
            case check_flags(Flags) of
                {ok, #{strategy := Strategy, intensity := I, period := P,
                       auto_shutdown := AS}} ->
                    State = #state{name = sup_name(SupName, Mod), strategy = Strategy,
                                   intensity = I, period = P, auto_shutdown = AS,
                                   module = Mod, args = Args},
                    init_children(State, Specs);
                Error ->
                    {stop, {supervisor_data, Error}}
            end;
        ignore ->
            ignore;
        Other ->
            {stop, {bad_return, {Mod, init, Other}}}
    end.

sup_name(self, Mod) -> {self(), Mod};
sup_name(Name, _) -> Name.

init_children(State, [Spec]) when ?is_simple(State) ->
    case check_specs([Spec], State#state.auto_shutdown) of
        {ok, Children} -> {ok, State#state{children = Children}};
        Error -> {stop, {start_spec, Error}}
    end;
init_children(State, Specs) when ?is_simple(State) ->
    {stop, {bad_start_spec, Specs}};
init_children(State, Specs) ->
    case check_specs(Specs, State#state.auto_shutdown) of
        {ok, Children} ->
            case start_children(lists:reverse(Children), [], State#state.name) of
                {ok, Started} ->
                    {ok, State#state{children = Started}};
                {error, Started, Reason} ->
                    terminate_children(Started, State#state.name),
                    {stop, {shutdown, Reason}}
            end;
        Error ->
            {stop, {start_spec, Error}}
    end.

%% start_children(ToStart (start order), Started (newest first), SupName).
start_children([Child | Rest], Started, SupName) ->
    case do_start_child(Child) of
        {ok, undefined} when Child#child.restart_type =:= temporary ->
            start_children(Rest, Started, SupName);
        {ok, Pid} ->
            start_children(Rest, [Child#child{pid = Pid} | Started], SupName);
        {ok, Pid, _Extra} ->
            start_children(Rest, [Child#child{pid = Pid} | Started], SupName);
        {error, Reason} ->
            report(start_error, Reason, Child, SupName),
            Unstarted = [C#child{pid = undefined} || C <- Rest, C#child.restart_type =/= temporary],
            {error, lists:reverse(Unstarted) ++ [Child#child{pid = undefined} | Started],
             {failed_to_start_child, Child#child.id, Reason}}
    end;
start_children([], Started, _SupName) ->
    {ok, Started}.

do_start_child(#child{mfargs = {M, F, A}}) ->
    start_mfa(M, F, A).

start_mfa(M, F, A) ->
    case catch apply(M, F, A) of
        {ok, Pid} when is_pid(Pid) -> {ok, Pid};
        {ok, Pid, Extra} when is_pid(Pid) -> {ok, Pid, Extra};
        ignore -> {ok, undefined};
        {error, Error} -> {error, Error};
        What -> {error, What}
    end.

handle_call({start_child, EArgs}, _From, State) when ?is_simple(State) ->
    [#child{mfargs = {M, F, A}}] = State#state.children,
    Args = A ++ EArgs,
    case start_mfa(M, F, Args) of
        {ok, undefined} ->
            {reply, {ok, undefined}, State};
        {ok, Pid} ->
            {reply, {ok, Pid}, dyn_store(Pid, Args, State)};
        {ok, Pid, Extra} ->
            {reply, {ok, Pid, Extra}, dyn_store(Pid, Args, State)};
        Error ->
            {reply, Error, State}
    end;
handle_call({start_child, Spec}, _From, State) ->
    case check_spec(Spec, State#state.auto_shutdown) of
        {ok, Child} ->
            {Reply, NState} = handle_start_child(Child, State),
            {reply, Reply, NState};
        Error ->
            {reply, {error, Error}, State}
    end;

handle_call({terminate_child, Id}, _From, State) when not is_pid(Id), ?is_simple(State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({terminate_child, Pid}, _From, State) when ?is_simple(State) ->
    case maps:is_key(Pid, State#state.dynamics) of
        true ->
            [Template] = State#state.children,
            do_terminate(Template#child{pid = Pid}, State#state.name),
            {reply, ok, dyn_erase(Pid, State)};
        false ->
            %% As OTP: a pid that is no longer alive counts as terminated.
            case is_process_alive(Pid) of
                true -> {reply, {error, not_found}, State};
                false -> {reply, ok, State}
            end
    end;
handle_call({terminate_child, Id}, _From, State) ->
    case find_child(Id, State) of
        {ok, Child} ->
            do_terminate(Child, State#state.name),
            {reply, ok, stopped_child(Child, State)};
        error ->
            {reply, {error, not_found}, State}
    end;

handle_call({restart_child, _Id}, _From, State) when ?is_simple(State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({restart_child, Id}, _From, State) ->
    case find_child(Id, State) of
        {ok, #child{pid = undefined} = Child} ->
            case do_start_child(Child) of
                {ok, Pid} ->
                    {reply, {ok, Pid}, replace_child(Child#child{pid = Pid}, State)};
                {ok, Pid, Extra} ->
                    {reply, {ok, Pid, Extra}, replace_child(Child#child{pid = Pid}, State)};
                Error ->
                    {reply, Error, State}
            end;
        {ok, #child{pid = {restarting, _}}} ->
            {reply, {error, restarting}, State};
        {ok, _} ->
            {reply, {error, running}, State};
        error ->
            {reply, {error, not_found}, State}
    end;

handle_call({delete_child, _Id}, _From, State) when ?is_simple(State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({delete_child, Id}, _From, State) ->
    case find_child(Id, State) of
        {ok, #child{pid = undefined} = Child} ->
            {reply, ok, remove_child(Child, State)};
        {ok, #child{pid = {restarting, _}}} ->
            {reply, {error, restarting}, State};
        {ok, _} ->
            {reply, {error, running}, State};
        error ->
            {reply, {error, not_found}, State}
    end;

handle_call({get_childspec, Id}, _From, State) ->
    case find_child(Id, State) of
        {ok, Child} -> {reply, {ok, child_to_spec(Child)}, State};
        error -> {reply, {error, not_found}, State}
    end;

handle_call(which_children, _From, State) when ?is_simple(State) ->
    [#child{child_type = Type, modules = Mods}] = State#state.children,
    Reply = [{undefined, child_pid(Pid), Type, Mods} || Pid <- maps:keys(State#state.dynamics)],
    {reply, Reply, State};
handle_call(which_children, _From, State) ->
    Reply = [{Id, child_pid(Pid), Type, Mods}
             || #child{id = Id, pid = Pid, child_type = Type, modules = Mods}
                    <- State#state.children],
    {reply, Reply, State};

handle_call(count_children, _From, State) when ?is_simple(State) ->
    [#child{child_type = Type}] = State#state.children,
    Keys = maps:keys(State#state.dynamics),
    N = length(Keys),
    Active = N - length([K || {restarting, _} = K <- Keys]),
    {reply, counts(1, Active, Type, N), State};
handle_call(count_children, _From, State) ->
    Children = State#state.children,
    Active = length([C || #child{pid = P} = C <- Children, is_pid(P), is_process_alive(P)]),
    Sups = length([C || #child{child_type = supervisor} = C <- Children]),
    Workers = length(Children) - Sups,
    {reply, [{specs, length(Children)}, {active, Active},
             {supervisors, Sups}, {workers, Workers}], State}.

counts(Specs, Active, supervisor, N) ->
    [{specs, Specs}, {active, Active}, {supervisors, N}, {workers, 0}];
counts(Specs, Active, worker, N) ->
    [{specs, Specs}, {active, Active}, {supervisors, 0}, {workers, N}].

child_pid({restarting, _}) -> restarting;
child_pid(Pid) -> Pid.

handle_cast({try_again_restart, Key}, State) ->
    case find_restarting(Key, State) of
        {ok, Child} ->
            case restart(Child, State) of
                {ok, NState} -> {noreply, NState};
                {shutdown, NState} -> {stop, shutdown, NState}
            end;
        error ->
            {noreply, State}
    end.

handle_info({'EXIT', Pid, Reason}, State) ->
    case child_exited(Pid, Reason, State) of
        {ok, NState} -> {noreply, NState};
        {shutdown, NState} -> {stop, shutdown, NState}
    end;
handle_info(Msg, State) ->
    error_logger:error_msg("Supervisor received unexpected message: ~tp~n", [Msg]),
    {noreply, State}.

terminate(_Reason, State) when ?is_simple(State) ->
    [Template] = State#state.children,
    terminate_dynamic(Template, maps:keys(State#state.dynamics), State#state.name);
terminate(_Reason, State) ->
    terminate_children(State#state.children, State#state.name).

code_change(_OldVsn, State, _Extra) ->
    {ok, State}.

%% Starting a child given by spec.

handle_start_child(Child, State) ->
    case find_child(Child#child.id, State) of
        error ->
            case do_start_child(Child) of
                {ok, undefined} when Child#child.restart_type =:= temporary ->
                    {{ok, undefined}, State};
                {ok, Pid} ->
                    {{ok, Pid}, add_child(Child#child{pid = Pid}, State)};
                {ok, Pid, Extra} ->
                    {{ok, Pid, Extra}, add_child(Child#child{pid = Pid}, State)};
                {error, What} ->
                    {{error, {What, Child}}, State}
            end;
        {ok, #child{pid = Pid}} when is_pid(Pid) ->
            {{error, {already_started, Pid}}, State};
        {ok, _} ->
            {{error, already_present}, State}
    end.

%% A child exited.

child_exited(Pid, Reason, State) when ?is_simple(State) ->
    case State#state.dynamics of
        #{Pid := Args} ->
            [Template] = State#state.children,
            {M, F, _} = Template#child.mfargs,
            Child = Template#child{pid = Pid, mfargs = {M, F, Args}},
            do_restart(Reason, Child, State);
        _ ->
            {ok, State}
    end;
child_exited(Pid, Reason, State) ->
    case [C || #child{pid = P} = C <- State#state.children, P =:= Pid] of
        [Child] -> do_restart(Reason, Child, State);
        [] -> {ok, State}
    end.

do_restart(Reason, #child{restart_type = permanent} = Child, State) ->
    report(child_terminated, Reason, Child, State#state.name),
    restart(Child, State);
do_restart(Reason, #child{restart_type = transient} = Child, State) ->
    case normal_exit(Reason) of
        true ->
            auto_shutdown(Child, stopped_child(Child, State));
        false ->
            report(child_terminated, Reason, Child, State#state.name),
            restart(Child, State)
    end;
do_restart(Reason, #child{restart_type = temporary} = Child, State) ->
    case normal_exit(Reason) of
        true -> ok;
        false -> report(child_terminated, Reason, Child, State#state.name)
    end,
    auto_shutdown(Child, stopped_child(Child, State)).

%% auto_shutdown: a significant child that ended for good ends the
%% supervisor, with any_significant, or with all_significant once no
%% significant child runs.
auto_shutdown(#child{significant = true}, #state{auto_shutdown = any_significant} = State) ->
    {shutdown, State};
auto_shutdown(#child{significant = true}, #state{auto_shutdown = all_significant} = State)
  when ?is_simple(State) ->
    case map_size(State#state.dynamics) of
        0 -> {shutdown, State};
        _ -> {ok, State}
    end;
auto_shutdown(#child{significant = true}, #state{auto_shutdown = all_significant} = State) ->
    Running = [C || #child{significant = true, pid = P} = C <- State#state.children, P =/= undefined],
    case Running of
        [] -> {shutdown, State};
        _ -> {ok, State}
    end;
auto_shutdown(_Child, State) ->
    {ok, State}.

normal_exit(normal) -> true;
normal_exit(shutdown) -> true;
normal_exit({shutdown, _}) -> true;
normal_exit(_) -> false.

%% restart: counts the restart against the intensity, then restarts as
%% the strategy says. {shutdown, State} ends the supervisor.
restart(Child, State) ->
    case add_restart(State) of
        {ok, NState} ->
            case restart(NState#state.strategy, Child, NState) of
                {{try_again, Key}, NState2} ->
                    gen_server:cast(self(), {try_again_restart, Key}),
                    {ok, NState2};
                {ok, NState2} ->
                    {ok, NState2}
            end;
        {terminate, NState} ->
            report(shutdown, reached_max_restart_intensity, Child, State#state.name),
            {shutdown, stopped_child(Child, NState)}
    end.

restart(simple_one_for_one, #child{pid = OldPid, mfargs = {M, F, Args}} = Child, State) ->
    Dyn = maps:remove(OldPid, State#state.dynamics),
    case start_mfa(M, F, Args) of
        {ok, Pid} -> {ok, State#state{dynamics = Dyn#{Pid => Args}}};
        {ok, Pid, _} -> {ok, State#state{dynamics = Dyn#{Pid => Args}}};
        {error, Error} ->
            report(start_error, Error, Child, State#state.name),
            Key = {restarting, OldPid},
            {{try_again, Key}, State#state{dynamics = Dyn#{Key => Args}}}
    end;
restart(one_for_one, #child{id = Id} = Child, State) ->
    case do_start_child(Child) of
        {ok, Pid} ->
            {ok, replace_child(Child#child{pid = Pid}, State)};
        {ok, Pid, _} ->
            {ok, replace_child(Child#child{pid = Pid}, State)};
        {error, Reason} ->
            report(start_error, Reason, Child, State#state.name),
            {{try_again, Id}, replace_child(Child#child{pid = restarting(Child#child.pid)}, State)}
    end;
restart(one_for_all, Child, State) ->
    Marked = mark_restarting(Child, State#state.children),
    restart_group(Child, Marked, [], State);
restart(rest_for_one, Child, State) ->
    Marked = mark_restarting(Child, State#state.children),
    {After, [Self | Before]} = lists:splitwith(fun(C) -> C#child.id =/= Child#child.id end, Marked),
    restart_group(Child, After ++ [Self], Before, State).

mark_restarting(#child{id = Id, pid = Pid}, Children) ->
    [case C of
         #child{id = Id} -> C#child{pid = restarting(Pid)};
         _ -> C
     end || C <- Children].

restarting(Pid) when is_pid(Pid) -> {restarting, Pid};
restarting(Other) -> Other.

%% restart_group: stops Group (newest first), then starts it again in start
%% order; Kept (newest first) are the children left alone.
restart_group(Child, Group, Kept, State) ->
    Stopped = terminate_children(Group, State#state.name),
    case start_children(lists:reverse(Stopped), [], State#state.name) of
        {ok, Started} ->
            {ok, State#state{children = Started ++ Kept}};
        {error, Started, {failed_to_start_child, FailedId, _}} ->
            Marked = [case C of
                          #child{id = FailedId, pid = undefined} when FailedId =:= Child#child.id ->
                              C#child{pid = restarting(Child#child.pid)};
                          #child{id = FailedId, pid = undefined} ->
                              C#child{pid = {restarting, undefined}};
                          _ ->
                              C
                      end || C <- Started],
            {{try_again, FailedId}, State#state{children = Marked ++ Kept}}
    end.

find_restarting({restarting, _} = Key, State) when ?is_simple(State) ->
    case State#state.dynamics of
        #{Key := Args} ->
            [Template] = State#state.children,
            {M, F, _} = Template#child.mfargs,
            {ok, Template#child{pid = Key, mfargs = {M, F, Args}}};
        _ ->
            error
    end;
find_restarting(Id, State) ->
    case find_child(Id, State) of
        {ok, #child{pid = {restarting, _}} = Child} -> {ok, Child};
        _ -> error
    end.

%% Restart intensity: more than Intensity restarts within Period seconds
%% ends the supervisor.
add_restart(#state{intensity = I, period = P, restarts = R} = State) ->
    Now = erlang:monotonic_time(second),
    R1 = [Now | [T || T <- R, T >= Now - P]],
    NState = State#state{restarts = R1},
    case length(R1) =< I of
        true -> {ok, NState};
        false -> {terminate, NState}
    end.

%% Stopping children.

%% terminate_children: stops Children (newest first) in that order and
%% returns them stopped, newest first, temporary ones dropped.
terminate_children(Children, SupName) ->
    lists:reverse(lists:foldl(
                    fun(#child{restart_type = temporary} = C, Acc) ->
                            do_terminate(C, SupName),
                            Acc;
                       (C, Acc) ->
                            do_terminate(C, SupName),
                            [C#child{pid = undefined} | Acc]
                    end, [], Children)).

do_terminate(#child{pid = Pid} = Child, SupName) when is_pid(Pid) ->
    case shutdown(Pid, Child#child.shutdown, Child#child.restart_type) of
        ok -> ok;
        {error, Reason} -> report(shutdown_error, Reason, Child, SupName)
    end,
    ok;
do_terminate(_Child, _SupName) ->
    ok.

%% shutdown(Pid, How, RestartType): stops one child and waits for it.
shutdown(Pid, How, RestartType) ->
    Mref = erlang:monitor(process, Pid),
    case How of
        brutal_kill -> exit(Pid, kill);
        _ -> exit(Pid, shutdown)
    end,
    Timeout = case How of
                  brutal_kill -> infinity;
                  T -> T
              end,
    Reason = receive
                 {'DOWN', Mref, process, Pid, R} -> unlink_flush(Pid, R)
             after Timeout ->
                 exit(Pid, kill),
                 receive
                     {'DOWN', Mref, process, Pid, R} -> unlink_flush(Pid, R)
                 end
             end,
    shutdown_result(Reason, How, RestartType).

shutdown_result(killed, brutal_kill, _) -> ok;
shutdown_result(shutdown, _, _) -> ok;
shutdown_result(Reason, _, RestartType) when RestartType =/= permanent ->
    case normal_exit(Reason) of
        true -> ok;
        false -> {error, Reason}
    end;
shutdown_result(Reason, _, _) ->
    {error, Reason}.

%% unlink_flush: the child's exit reason as its exit signal told it (a
%% child that was gone already is known by its EXIT message).
unlink_flush(Pid, noproc) ->
    {links, Links} = process_info(self(), links),
    Timeout = case lists:member(Pid, Links) of
                  true -> infinity;
                  false -> 0
              end,
    receive {'EXIT', Pid, Reason} -> Reason after Timeout -> naughty_child end;
unlink_flush(Pid, Default) ->
    unlink(Pid),
    receive {'EXIT', Pid, Reason} -> Reason after 0 -> Default end.

%% terminate_dynamic: stops all children of a simple_one_for_one
%% supervisor at once, killing those still alive after the shutdown time.
terminate_dynamic(Template, Pids, SupName) ->
    How = Template#child.shutdown,
    Monitors = maps:from_list([{erlang:monitor(process, P), P} || P <- Pids, is_pid(P)]),
    Signal = case How of
                 brutal_kill -> kill;
                 _ -> shutdown
             end,
    [exit(P, Signal) || P <- maps:values(Monitors)],
    Timer = case How of
                T when is_integer(T) -> erlang:send_after(T, self(), {'$sup_shutdown_timeout', self()});
                _ -> undefined
            end,
    wait_dynamic(Monitors, Template, SupName, Timer).

wait_dynamic(Monitors, _Template, _SupName, Timer) when map_size(Monitors) =:= 0 ->
    case Timer of
        undefined -> ok;
        _ -> erlang:cancel_timer(Timer),
             receive {'$sup_shutdown_timeout', _} -> ok after 0 -> ok end
    end,
    ok;
wait_dynamic(Monitors, Template, SupName, Timer) ->
    receive
        {'DOWN', Mref, process, Pid, R} when is_map_key(Mref, Monitors) ->
            Reason = unlink_flush(Pid, R),
            How = case Timer of
                      expired -> brutal_kill;
                      _ -> Template#child.shutdown
                  end,
            case shutdown_result(Reason, How, Template#child.restart_type) of
                ok -> ok;
                {error, Why} -> report(shutdown_error, Why, Template#child{pid = Pid}, SupName)
            end,
            wait_dynamic(maps:remove(Mref, Monitors), Template, SupName, Timer);
        {'$sup_shutdown_timeout', Self} when Self =:= self() ->
            [exit(P, kill) || P <- maps:values(Monitors)],
            wait_dynamic(Monitors, Template, SupName, expired)
    end.

%% The children list.

find_child(Id, State) ->
    case lists:keyfind(Id, #child.id, State#state.children) of
        false -> error;
        Child -> {ok, Child}
    end.

add_child(#child{restart_type = temporary, mfargs = {M, F, _}} = Child, State) ->
    State#state{children = [Child#child{mfargs = {M, F, undefined}} | State#state.children]};
add_child(Child, State) ->
    State#state{children = [Child | State#state.children]}.

replace_child(#child{id = Id} = Child, State) ->
    State#state{children = lists:keyreplace(Id, #child.id, State#state.children, Child)}.

remove_child(#child{id = Id}, State) ->
    State#state{children = lists:keydelete(Id, #child.id, State#state.children)}.

%% stopped_child: a child that ended without a restart: a temporary one is
%% forgotten, another keeps its spec with no pid.
stopped_child(#child{pid = Pid}, State) when ?is_simple(State) ->
    dyn_erase(Pid, State);
stopped_child(#child{restart_type = temporary} = Child, State) ->
    remove_child(Child, State);
stopped_child(Child, State) ->
    replace_child(Child#child{pid = undefined}, State).

dyn_store(Pid, Args, State) ->
    State#state{dynamics = maps:put(Pid, Args, State#state.dynamics)}.

dyn_erase(Pid, State) ->
    State#state{dynamics = maps:remove(Pid, State#state.dynamics)}.

%% Checking flags and child specs.

check_flags(Flags) when is_map(Flags) ->
    Full = maps:merge(#{strategy => one_for_one, intensity => 1, period => 5,
                        auto_shutdown => never}, Flags),
    try
        #{strategy := S, intensity := I, period := P, auto_shutdown := AS} = Full,
        valid_strategy(S),
        valid_intensity(I),
        valid_period(P),
        valid_auto_shutdown(AS),
        {ok, Full}
    catch
        throw:Error -> Error
    end;
check_flags({Strategy, Intensity, Period}) ->
    check_flags(#{strategy => Strategy, intensity => Intensity, period => Period});
check_flags(What) ->
    {invalid_type, What}.

valid_strategy(S) when S =:= one_for_one; S =:= one_for_all;
                       S =:= rest_for_one; S =:= simple_one_for_one -> ok;
valid_strategy(S) -> throw({invalid_strategy, S}).

valid_intensity(I) when is_integer(I), I >= 0 -> ok;
valid_intensity(I) -> throw({invalid_intensity, I}).

valid_period(P) when is_integer(P), P > 0 -> ok;
valid_period(P) -> throw({invalid_period, P}).

valid_auto_shutdown(A) when A =:= never; A =:= any_significant; A =:= all_significant -> ok;
valid_auto_shutdown(A) -> throw({invalid_auto_shutdown, A}).

%% check_specs: the children of Specs, newest first, or the first error.
check_specs(Specs, AutoShutdown) ->
    check_specs(Specs, AutoShutdown, []).

check_specs([Spec | Rest], AutoShutdown, Acc) ->
    case check_spec(Spec, AutoShutdown) of
        {ok, #child{id = Id} = Child} ->
            case lists:keymember(Id, #child.id, Acc) of
                true -> {duplicate_child_name, Id};
                false -> check_specs(Rest, AutoShutdown, [Child | Acc])
            end;
        Error ->
            Error
    end;
check_specs([], _AutoShutdown, Acc) ->
    {ok, Acc}.

check_spec(Spec, AutoShutdown) when is_map(Spec) ->
    try
        child_from_map(maps:merge(#{restart => permanent, type => worker}, Spec), AutoShutdown)
    catch
        throw:Error -> Error
    end;
check_spec({Id, Start, Restart, Shutdown, Type, Mods}, AutoShutdown) ->
    check_spec(#{id => Id, start => Start, restart => Restart, significant => false,
                 shutdown => Shutdown, type => Type, modules => Mods}, AutoShutdown);
check_spec(X, _AutoShutdown) ->
    {invalid_child_spec, X}.

child_from_map(#{restart := Restart, type := Type} = Spec, AutoShutdown) ->
    Id = case Spec of
             #{id := I} -> I;
             _ -> throw(missing_id)
         end,
    Start = case Spec of
                #{start := S} -> S;
                _ -> throw(missing_start)
            end,
    valid_mfa(Start),
    valid_restart(Restart),
    Significant = maps:get(significant, Spec, false),
    valid_significant(Significant, Restart, AutoShutdown),
    valid_type(Type),
    Shutdown = case Spec of
                   #{shutdown := Sh} -> Sh;
                   #{type := worker} -> 5000;
                   #{type := supervisor} -> infinity
               end,
    valid_shutdown(Shutdown),
    Mods = case Spec of
               #{modules := Ms} -> Ms;
               _ -> [element(1, Start)]
           end,
    valid_modules(Mods),
    {ok, #child{id = Id, mfargs = Start, restart_type = Restart, significant = Significant,
                shutdown = Shutdown, child_type = Type, modules = Mods}}.

valid_mfa({M, F, A}) when is_atom(M), is_atom(F), is_list(A) -> ok;
valid_mfa(X) -> throw({invalid_mfa, X}).

valid_restart(R) when R =:= permanent; R =:= transient; R =:= temporary -> ok;
valid_restart(R) -> throw({invalid_restart_type, R}).

valid_significant(true, _Restart, never) ->
    throw({bad_combination, [{auto_shutdown, never}, {significant, true}]});
valid_significant(true, permanent, _AutoShutdown) ->
    throw({bad_combination, [{restart, permanent}, {significant, true}]});
valid_significant(S, _Restart, _AutoShutdown) when is_boolean(S) -> ok;
valid_significant(S, _Restart, _AutoShutdown) -> throw({invalid_significant, S}).

valid_type(T) when T =:= worker; T =:= supervisor -> ok;
valid_type(T) -> throw({invalid_child_type, T}).

valid_shutdown(S) when is_integer(S), S >= 0 -> ok;
valid_shutdown(infinity) -> ok;
valid_shutdown(brutal_kill) -> ok;
valid_shutdown(S) -> throw({invalid_shutdown, S}).

valid_modules(dynamic) -> ok;
valid_modules(Mods) when is_list(Mods) ->
    lists:foreach(fun(M) when is_atom(M) -> ok;
                     (M) -> throw({invalid_module, M})
                  end, Mods);
valid_modules(Mods) -> throw({invalid_modules, Mods}).

child_to_spec(#child{id = Id, mfargs = Start, restart_type = Restart, significant = Sig,
                     shutdown = Shutdown, child_type = Type, modules = Mods}) ->
    #{id => Id, start => Start, restart => Restart, significant => Sig,
      shutdown => Shutdown, type => Type, modules => Mods}.

%% Reports.

report(Context, Reason, Child, SupName) ->
    Offender = case Child#child.pid of
                   {restarting, P} -> [{pid, P}];
                   P -> [{pid, P}]
               end ++
        [{id, Child#child.id}, {mfargs, Child#child.mfargs},
         {restart_type, Child#child.restart_type}, {significant, Child#child.significant},
         {shutdown, Child#child.shutdown}, {child_type, Child#child.child_type}],
    error_logger:error_report(supervisor_report,
                              [{supervisor, SupName}, {errorContext, Context},
                               {reason, Reason}, {offender, Offender}]).
