%% supervisor scenarios: strategies, restart types, intensity, the child
%% management calls and their results. Children report their starts and
%% stops to the test process; pids are replaced by atoms in results.
-module(stdlib_sup_basic).

-export([start/0]).

%% Children report to the test process by this name (pids would show in
%% the child specs that the results include).
-define(REPORT, stdlib_sup_basic_report).
%% supervisor and gen_server callbacks (told apart by init's argument)
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).
-export([start_worker/2, start_worker/3, start_ignore/0, start_fail/0, start_sup/2]).

start() ->
    process_flag(trap_exit, true),
    register(?REPORT, self()),
    quiet(fun() -> [{Name, catch Fun()} || {Name, Fun} <- cases()] end).

cases() ->
    [{one_for_one, fun one_for_one/0},
     {intensity, fun intensity/0},
     {one_for_all, fun one_for_all/0},
     {rest_for_one, fun rest_for_one/0},
     {restart_types, fun restart_types/0},
     {child_calls, fun child_calls/0},
     {simple, fun simple/0},
     {init_errors, fun init_errors/0},
     {check_childspecs, fun check_childspecs/0},
     {shutdown_kill, fun shutdown_kill/0},
     {nested, fun nested/0},
     {stop_order, fun stop_order/0},
     {auto_shutdown, fun auto_shutdown/0}].

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

%% Helpers.

sup(Flags, Specs) ->
    supervisor:start_link(?MODULE, {sup, Flags, Specs}).

worker(Id) -> worker(Id, permanent).
worker(Id, Restart) ->
    #{id => Id, start => {?MODULE, start_worker, [Id, ?REPORT]}, restart => Restart}.

%% tuple_worker: the same as a tuple, for specs that show in the results
%% (OTP 26+ prints maps in another order).
tuple_worker(Id) ->
    {Id, {?MODULE, start_worker, [Id, ?REPORT]}, permanent, 5000, worker, [?MODULE]}.

%% events(): what the children reported, in order.
events() ->
    receive {event, E} -> [E | events()] after 100 -> [] end.

shape(Children) ->
    [{Id, shape_pid(P), T, M} || {Id, P, T, M} <- Children].

shape_pid(P) when is_pid(P) -> pid;
shape_pid(P) -> P.

pid_of(Sup, Id) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.

crash(Sup, Id) ->
    Pid = pid_of(Sup, Id),
    gen_server:cast(Pid, crash),
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, _} -> ok end.

stop_normal(Sup, Id) ->
    Pid = pid_of(Sup, Id),
    Ref = monitor(process, Pid),
    gen_server:cast(Pid, stop_normal),
    receive {'DOWN', Ref, process, Pid, _} -> ok end.

stop_sup(Sup) ->
    unlink(Sup),
    Ref = monitor(process, Sup),
    exit(Sup, shutdown),
    receive {'DOWN', Ref, process, Sup, R} -> R end.

%% Cases.

one_for_one() ->
    {ok, Sup} = sup(#{strategy => one_for_one}, [worker(a), worker(b)]),
    Started = events(),
    W1 = shape(supervisor:which_children(Sup)),
    A1 = pid_of(Sup, a),
    B1 = pid_of(Sup, b),
    crash(Sup, a),
    _ = supervisor:count_children(Sup),
    A2 = pid_of(Sup, a),
    B2 = pid_of(Sup, b),
    After = events(),
    Stop = stop_sup(Sup),
    {Started, W1, A1 =/= A2, B1 =:= B2, After, Stop, events()}.

intensity() ->
    {ok, Sup} = sup(#{strategy => one_for_one, intensity => 1, period => 10}, [worker(a)]),
    crash(Sup, a),
    First = events(),
    Pid = pid_of(Sup, a),
    gen_server:cast(Pid, crash),
    Exit = receive {'EXIT', Sup, R} -> R after 2000 -> none end,
    {First, Exit, is_process_alive(Sup), events()}.

one_for_all() ->
    {ok, Sup} = sup({one_for_all, 3, 10}, [worker(a), worker(b), worker(c)]),
    _ = events(),
    B1 = pid_of(Sup, b),
    C1 = pid_of(Sup, c),
    crash(Sup, b),
    _ = supervisor:which_children(Sup),
    Ev = events(),
    Changed = {B1 =/= pid_of(Sup, b), C1 =/= pid_of(Sup, c)},
    stop_sup(Sup),
    {Ev, Changed, events()}.

rest_for_one() ->
    {ok, Sup} = sup(#{strategy => rest_for_one, intensity => 5}, [worker(a), worker(b), worker(c)]),
    _ = events(),
    A1 = pid_of(Sup, a),
    crash(Sup, b),
    _ = supervisor:which_children(Sup),
    Ev = events(),
    Same = A1 =:= pid_of(Sup, a),
    stop_sup(Sup),
    {Ev, Same, events()}.

restart_types() ->
    {ok, Sup} = sup(#{intensity => 10},
                    [worker(p, permanent), worker(t, transient), worker(x, temporary),
                     worker(t2, transient), worker(x2, temporary)]),
    _ = events(),
    stop_normal(Sup, t),
    stop_normal(Sup, x),
    crash(Sup, t2),
    crash(Sup, x2),
    _ = supervisor:which_children(Sup),
    W = shape(supervisor:which_children(Sup)),
    C = supervisor:count_children(Sup),
    Ev = events(),
    stop_sup(Sup),
    _ = events(),
    {W, C, Ev}.

child_calls() ->
    {ok, Sup} = sup(#{}, [worker(a)]),
    S1 = supervisor:start_child(Sup, worker(b)),
    S2 = supervisor:start_child(Sup, worker(b)),
    T1 = supervisor:terminate_child(Sup, b),
    S3 = supervisor:start_child(Sup, worker(b)),
    R1 = supervisor:restart_child(Sup, b),
    D1 = supervisor:delete_child(Sup, b),
    R2 = supervisor:restart_child(Sup, b),
    D2 = supervisor:delete_child(Sup, b),
    T2 = supervisor:terminate_child(Sup, nope),
    R3 = supervisor:restart_child(Sup, nope),
    D3 = supervisor:delete_child(Sup, nope),
    Spec = sorted(supervisor:get_childspec(Sup, a)),
    NoSpec = supervisor:get_childspec(Sup, nope),
    Bad = supervisor:start_child(Sup, #{id => c}),
    Bad2 = supervisor:start_child(Sup, {c, {m, f, a}, permanent, 5000, worker, [m]}),
    Ign = supervisor:start_child(Sup, #{id => ign, start => {?MODULE, start_ignore, []}}),
    IgnT = supervisor:start_child(Sup, #{id => ign_t, start => {?MODULE, start_ignore, []},
                                         restart => temporary}),
    Fail = supervisor:start_child(Sup, #{id => fail, start => {?MODULE, start_fail, []}}),
    Tuple = supervisor:start_child(Sup, {tup, {?MODULE, start_worker, [tup, ?REPORT]},
                                         transient, brutal_kill, worker, dynamic}),
    W = shape(supervisor:which_children(Sup)),
    C = supervisor:count_children(Sup),
    stop_sup(Sup),
    _ = events(),
    {shape_result(S1), shape_result(S2), T1, shape_result(S3), shape_result(R1), D1,
     shape_result(R2), D2, T2, R3, D3, Spec, NoSpec, Bad, Bad2, Ign, IgnT, Fail,
     shape_result(Tuple), W, C}.

%% sorted: a child spec map as a sorted list (OTP 26+ prints maps in
%% another order).
sorted({ok, Spec}) -> {ok, lists:sort(maps:to_list(Spec))}.

shape_result({ok, P}) when is_pid(P) -> {ok, pid};
shape_result({error, {already_started, P}}) when is_pid(P) -> {error, {already_started, pid}};
shape_result(Other) -> Other.

simple() ->
    Template = #{id => ignored, start => {?MODULE, start_worker, [dyn]}},
    {ok, Sup} = sup(#{strategy => simple_one_for_one, intensity => 3}, [Template]),
    {ok, P1} = supervisor:start_child(Sup, [?REPORT]),
    {ok, P2} = supervisor:start_child(Sup, [?REPORT]),
    W1 = lists:sort(shape(supervisor:which_children(Sup))),
    C1 = supervisor:count_children(Sup),
    T = supervisor:terminate_child(Sup, P1),
    T2 = supervisor:terminate_child(Sup, P1),
    T3 = supervisor:terminate_child(Sup, some_id),
    R = supervisor:restart_child(Sup, P2),
    D = supervisor:delete_child(Sup, P2),
    gen_server:cast(P2, crash),
    receive after 50 -> ok end,
    W2 = shape(supervisor:which_children(Sup)),
    Replaced = [P || {_, P, _, _} <- supervisor:which_children(Sup)] =/= [P2],
    Ev = events(),
    Stop = stop_sup(Sup),
    {W1, C1, T, T2, T3, R, D, W2, Replaced, Ev, Stop, events()}.

init_errors() ->
    [failed_start(F) ||
        F <- [fun() -> sup(#{strategy => sideways}, []) end,
              fun() -> sup({one_for_one, -1, 5}, []) end,
              fun() -> sup(#{}, [#{id => a, start => nope}]) end,
              fun() -> sup(#{}, [worker(a), worker(a)]) end,
              fun() -> sup(#{}, [worker(a), #{id => f, start => {?MODULE, start_fail, []}},
                                 worker(c)]) end,
              fun() -> supervisor:start_link(?MODULE, ignore) end,
              fun() -> supervisor:start_link(?MODULE, bad_return) end,
              fun() -> sup(#{strategy => simple_one_for_one}, [tuple_worker(a), tuple_worker(b)]) end]].

%% failed_start: what a failed start_link returns and what the children
%% reported. The exit signal of the supervisor that failed is flushed: OTP 26
%% consumes it in start_link, OTP 25 and avm leave it
%% (stdlib_sup_otpdiff_start_link_exit shows it).
failed_start(Start) ->
    Result = Start(),
    receive {'EXIT', _, _} -> ok after 100 -> ok end,
    {Result, events()}.

check_childspecs() ->
    [supervisor:check_childspecs(S) ||
        S <- [[worker(a)],
              [#{id => a, start => {m, f, []}, restart => sometimes}],
              [#{id => a, start => {m, f, []}, shutdown => -1}],
              [#{id => a, start => {m, f, []}, type => boss}],
              [#{id => a, start => {m, f, []}, modules => [1]}],
              [#{start => {m, f, []}}],
              [{a, {m, f, []}, permanent, infinity, supervisor, dynamic}],
              [{a, {m, f, []}, permanent, infinity, supervisor}],
              [worker(a), worker(a)],
              not_a_list]].

shutdown_kill() ->
    Slow = #{id => slow, start => {?MODULE, start_worker, [slow, ?REPORT, stubborn]},
             shutdown => 100},
    Brutal = #{id => brutal, start => {?MODULE, start_worker, [brutal, ?REPORT, stubborn]},
               shutdown => brutal_kill},
    {ok, Sup} = sup(#{}, [Slow, Brutal]),
    _ = events(),
    T1 = supervisor:terminate_child(Sup, slow),
    T2 = supervisor:terminate_child(Sup, brutal),
    W = shape(supervisor:which_children(Sup)),
    stop_sup(Sup),
    {T1, T2, W, events()}.

nested() ->
    Child = #{id => inner, start => {?MODULE, start_sup, [#{}, [tuple_worker(w)]]}, type => supervisor},
    {ok, Sup} = sup(#{}, [Child]),
    Ev = events(),
    W = shape(supervisor:which_children(Sup)),
    Inner = pid_of(Sup, inner),
    WI = shape(supervisor:which_children(Inner)),
    Spec = sorted(supervisor:get_childspec(Sup, inner)),
    Stop = stop_sup(Sup),
    {Ev, W, WI, Spec, Stop, is_process_alive(Inner), events()}.

stop_order() ->
    {ok, Sup} = sup(#{}, [worker(a), worker(b), worker(c)]),
    {ok, _} = supervisor:start_child(Sup, worker(d)),
    _ = events(),
    W = [Id || {Id, _, _, _} <- supervisor:which_children(Sup)],
    Stop = stop_sup(Sup),
    {W, Stop, events()}.

%% Significant children end the supervisor when they end for good.
auto_shutdown() ->
    Sig = fun(Id) -> (worker(Id, transient))#{significant => true} end,
    {ok, Any} = sup(#{auto_shutdown => any_significant}, [worker(plain, transient), Sig(sig)]),
    stop_normal(Any, plain),
    AliveAfterPlain = is_process_alive(Any),
    stop_normal(Any, sig),
    AnyExit = receive {'EXIT', Any, R1} -> R1 after 1000 -> none end,
    {ok, All} = sup(#{auto_shutdown => all_significant}, [Sig(s1), Sig(s2)]),
    stop_normal(All, s1),
    AliveAfterOne = is_process_alive(All),
    stop_normal(All, s2),
    AllExit = receive {'EXIT', All, R2} -> R2 after 1000 -> none end,
    Bad = sup(#{}, [Sig(never_allowed)]),
    receive {'EXIT', _, _} -> ok after 100 -> ok end,
    {AliveAfterPlain, AnyExit, AliveAfterOne, AllExit, Bad, events()}.

%% Child start functions.

start_worker(Id, Report) -> start_worker(Id, Report, polite).
start_worker(Id, Report, Manner) ->
    gen_server:start_link(?MODULE, {worker, Id, Report, Manner}, []).

start_ignore() -> ignore.
start_fail() -> {error, no_luck}.
start_sup(Flags, Specs) -> sup(Flags, Specs).

%% Callbacks.

init({sup, Flags, Specs}) -> {ok, {Flags, Specs}};
init(ignore) -> ignore;
init(bad_return) -> {ok, what};
init({worker, Id, Report, Manner}) ->
    process_flag(trap_exit, true),
    Report ! {event, {started, Id}},
    {ok, {Id, Report, Manner}}.

handle_call(_Req, _From, S) -> {reply, ok, S}.

handle_cast(crash, S) -> {noreply, S + 1};
handle_cast(stop_normal, S) -> {stop, normal, S}.

handle_info(_, S) -> {noreply, S}.

terminate(Reason, {Id, Report, stubborn}) ->
    receive after 2000 -> ok end,
    Report ! {event, {stopped, Id, reason(Reason)}};
terminate(Reason, {Id, Report, _}) ->
    Report ! {event, {stopped, Id, reason(Reason)}}.

reason({badarith, _}) -> badarith;
reason(R) -> R.
