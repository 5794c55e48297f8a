%% stdlib_global: the global name registry of one node, and generic
%% servers registered with {global, Name}.
-module(stdlib_global).
-export([start/0, init/1, handle_call/3, handle_cast/2, handle_info/2]).

start() ->
    Self = self(),
    P = spawn(fun() -> receive stop -> ok end end),
    R1 = [global:register_name(g_a, P), global:register_name(g_a, Self),
          global:register_name(g_b, P), global:whereis_name(g_a) =:= P,
          global:whereis_name(g_none), lists:sort(global:registered_names())],
    Sent = global:send(g_a, stop) =:= P,
    NoName = catch global:send(g_none, hi),
    wait_gone(g_a, 100),
    R2 = [global:whereis_name(g_a), global:registered_names()],
    R3 = [global:register_name(g_c, Self), global:re_register_name(g_d, Self),
          global:whereis_name(g_c) =:= Self, global:whereis_name(g_d) =:= Self,
          global:unregister_name(g_d), global:unregister_name(g_none),
          global:registered_names()],
    {ok, S} = gen_server:start({global, g_server}, ?MODULE, [], []),
    Dup = gen_server:start({global, g_server}, ?MODULE, [], []),
    Calls = [gen_server:call({global, g_server}, ping),
             gen_server:cast({global, g_server}, {set, 42}),
             gen_server:call({global, g_server}, get),
             global:whereis_name(g_server) =:= S],
    ok = gen_server:stop({global, g_server}),
    NoProc = catch gen_server:call({global, g_server}, ping),
    [{registry, R1}, {sent, Sent}, {no_name, NoName}, {freed_on_exit, R2},
     {re_register, R3}, {duplicate_start, element(1, Dup), is_pid(element(2, element(2, Dup)))},
     {server_calls, Calls}, {after_stop, element(1, element(2, NoProc))}].

wait_gone(_, 0) -> timeout;
wait_gone(Name, N) ->
    case global:whereis_name(Name) of
        undefined -> ok;
        _ -> receive after 10 -> wait_gone(Name, N - 1) end
    end.

init([]) -> {ok, 0}.
handle_call(ping, _From, S) -> {reply, pong, S};
handle_call(get, _From, S) -> {reply, S, S}.
handle_cast({set, V}, _S) -> {noreply, V}.
handle_info(_, S) -> {noreply, S}.
