%% gen_event scenarios: handlers with and without ids, notify and
%% sync_notify order, calls, delete and swap, remove_handler, a crashing
%% handler, supervised handlers, info messages and stop.
-module(stdlib_gen_event).

-export([start/0]).
-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2, code_change/3]).

-define(TEST, stdlib_gen_event_test).

start() ->
    process_flag(trap_exit, true),
    register(?TEST, self()),
    quiet(fun() -> [{Name, catch Fun()} || {Name, Fun} <- cases()] end).

cases() ->
    [{handlers, fun handlers/0},
     {calls, fun calls/0},
     {delete_swap, fun delete_swap/0},
     {crash, fun crash/0},
     {supervised, fun supervised/0},
     {named_stop, fun named_stop/0}].

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

got() ->
    receive {got, H, What} -> [{H, What} | got()] after 50 -> [] end.

handlers() ->
    {ok, M} = gen_event:start_link(),
    ok = gen_event:add_handler(M, ?MODULE, a),
    ok = gen_event:add_handler(M, {?MODULE, b}, b),
    ok = gen_event:add_handler(M, {?MODULE, c}, c),
    Bad = gen_event:add_handler(M, {?MODULE, d}, fail),
    W = gen_event:which_handlers(M),
    ok = gen_event:notify(M, one),
    ok = gen_event:sync_notify(M, two),
    M ! three,
    _ = gen_event:which_handlers(M),
    G = got(),
    ok = gen_event:stop(M),
    {Bad, W, G, got()}.

calls() ->
    {ok, M} = gen_event:start(),
    ok = gen_event:add_handler(M, ?MODULE, a),
    C1 = gen_event:call(M, ?MODULE, get_state),
    C2 = gen_event:call(M, {?MODULE, nope}, get_state),
    C3 = gen_event:call(M, ?MODULE, {remove, bye}),
    W = gen_event:which_handlers(M),
    C4 = try gen_event:call(gev_nobody, ?MODULE, x) catch exit:E -> E end,
    ok = gen_event:stop(M),
    {C1, C2, C3, W, C4, got()}.

delete_swap() ->
    {ok, M} = gen_event:start_link(),
    ok = gen_event:add_handler(M, {?MODULE, x}, x),
    ok = gen_event:add_handler(M, {?MODULE, y}, y),
    D1 = gen_event:delete_handler(M, {?MODULE, x}, going),
    D2 = gen_event:delete_handler(M, {?MODULE, x}, going),
    S1 = gen_event:swap_handler(M, {{?MODULE, y}, swap_out}, {{?MODULE, z}, swap_in}),
    W = gen_event:which_handlers(M),
    ok = gen_event:notify(M, {remove_if, z}),
    ok = gen_event:sync_notify(M, after_remove),
    W2 = gen_event:which_handlers(M),
    ok = gen_event:stop(M),
    {D1, D2, S1, W, W2, got()}.

crash() ->
    {ok, M} = gen_event:start_link(),
    ok = gen_event:add_handler(M, {?MODULE, ok}, ok),
    ok = gen_event:add_handler(M, {?MODULE, bad}, bad),
    ok = gen_event:sync_notify(M, {crash_if, bad}),
    W = gen_event:which_handlers(M),
    C = case gen_event:call(M, {?MODULE, ok}, crash) of
            {error, {'EXIT', {badarith, [_ | _]}}} -> call_crashed;
            Other -> Other
        end,
    W2 = gen_event:which_handlers(M),
    ok = gen_event:stop(M),
    {W, C, W2, [{H, strip(What)} || {H, What} <- got()]}.

strip({terminate, {error, {'EXIT', {Reason, [_ | _]}}}}) -> {terminate, {error, {'EXIT', Reason}}};
strip(Other) -> Other.

supervised() ->
    {ok, M} = gen_event:start_link(),
    Self = self(),
    Sup = spawn(fun() ->
                        ok = gen_event:add_sup_handler(M, {?MODULE, sup}, sup),
                        Self ! added,
                        receive die -> exit(dying) end
                end),
    receive added -> ok end,
    W1 = gen_event:which_handlers(M),
    Sup ! die,
    receive after 50 -> ok end,
    W2 = gen_event:which_handlers(M),
    ok = gen_event:add_sup_handler(M, {?MODULE, mine}, mine),
    ok = gen_event:sync_notify(M, {remove_if, mine}),
    Exit = receive {gen_event_EXIT, H, R} -> {H, R} after 1000 -> none end,
    ok = gen_event:stop(M),
    {W1, W2, Exit, got()}.

named_stop() ->
    {ok, M} = gen_event:start({local, gev_named}),
    Again = gen_event:start({local, gev_named}),
    ok = gen_event:add_handler(gev_named, ?MODULE, a),
    ok = gen_event:notify(gev_named, hello),
    ok = gen_event:stop(gev_named, {shutdown, done}, 1000),
    {Again =:= {error, {already_started, M}}, whereis(gev_named), got()}.

%% The handler: reports what it sees to the test process.
report(Id, What) -> ?TEST ! {got, Id, What}.

init(fail) -> {error, no_init};
init({swap_in, {swapped_state, Old}}) -> {ok, {z, Old}};
init(Id) -> {ok, Id}.

handle_event({crash_if, Id}, Id) -> {ok, 1 / zero()};
handle_event({remove_if, Id}, Id) -> remove_handler;
handle_event({remove_if, _}, Id) -> {ok, Id};
handle_event(Event, Id) -> report(Id, {event, Event}), {ok, Id}.

handle_call(get_state, Id) -> {ok, {state, Id}, Id};
handle_call({remove, Reply}, _Id) -> {remove_handler, Reply};
handle_call(crash, Id) -> {ok, Id + 1, Id}.

handle_info(Info, Id) -> report(Id, {info, Info}), {ok, Id}.

terminate(swap_out, Id) -> report(Id, {terminate, swap_out}), {swapped_state, Id};
terminate(Args, Id) -> report(Id, {terminate, Args}), terminated.

code_change(_Old, S, _Extra) -> {ok, S}.

zero() -> 0.
