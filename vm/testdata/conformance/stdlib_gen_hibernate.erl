%% Hibernation: erlang:hibernate/3 when a message is already queued (it
%% must return at once), an exit signal to a hibernating process, and
%% gen_server / gen_statem servers that hibernate and get a request right
%% away.
-module(stdlib_gen_hibernate).

-export([start/0, woke/1, idle/0]).
-export([init/1, callback_mode/0, handle_event/4, handle_call/3, handle_cast/2]).

start() ->
    [{queued_before, queued_before()},
     {exit_signal, exit_signal()},
     {gen_server, gen_server_hib()},
     {gen_statem, gen_statem_hib()}].

%% The message arrives while the process still runs, before it hibernates.
queued_before() ->
    Self = self(),
    Pid = spawn(fun() ->
                        receive go -> ok end,
                        busy(erlang:monotonic_time(millisecond) + 50),
                        erlang:hibernate(?MODULE, woke, [Self])
                end),
    Pid ! go,
    Pid ! wake_up,
    receive {woke, Pid, M} -> {woke, M} after 2000 -> not_woken end.

busy(Until) ->
    case erlang:monotonic_time(millisecond) >= Until of
        true -> ok;
        false -> busy(Until)
    end.

woke(Parent) ->
    receive M -> Parent ! {woke, self(), M} end.

exit_signal() ->
    Pid = spawn(fun() -> erlang:hibernate(?MODULE, idle, []) end),
    receive after 50 -> ok end,
    Ref = monitor(process, Pid),
    exit(Pid, shutdown),
    receive {'DOWN', Ref, process, Pid, R} -> {down, R} after 2000 -> still_alive end.

idle() -> ok.

gen_server_hib() ->
    {ok, Pid} = gen_server:start(?MODULE, server, []),
    [begin
         ok = gen_server:cast(Pid, {hibernate_after, busy}),
         gen_server:call(Pid, get, 2000)
     end || _ <- lists:seq(1, 5)].

gen_statem_hib() ->
    {ok, Pid} = gen_statem:start(?MODULE, machine, []),
    [begin
         ok = gen_statem:cast(Pid, hibernate),
         gen_statem:call(Pid, get, 2000)
     end || _ <- lists:seq(1, 5)].

%% gen_server callbacks (init's argument server) and gen_statem callbacks
%% (machine).
init(server) -> {ok, 0};
init(machine) -> {ok, state, 0}.

handle_call(get, _From, N) -> {reply, N, N}.

handle_cast({hibernate_after, busy}, N) ->
    busy(erlang:monotonic_time(millisecond) + 10),
    {noreply, N + 1, hibernate}.

callback_mode() -> handle_event_function.

handle_event(cast, hibernate, _State, N) ->
    busy(erlang:monotonic_time(millisecond) + 10),
    {keep_state, N + 1, [hibernate]};
handle_event({call, From}, get, _State, N) ->
    {keep_state_and_data, [{reply, From, N}]}.
