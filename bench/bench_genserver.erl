%% A gen_server call loop: a counter server started with
%% gen_server:start_link/3, then many synchronous calls and some casts
%% from the client, and a stop. The module is its own callback module.
-module(bench_genserver).
-behaviour(gen_server).
-export([start/0, run/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(100, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() ->
    {ok, Pid} = gen_server:start_link(?MODULE, 0, []),
    Sum = calls(Pid, 2000, 0),
    Total = gen_server:call(Pid, total),
    ok = gen_server:stop(Pid),
    {Sum, Total}.

calls(_, 0, Acc) -> Acc;
calls(Pid, K, Acc) ->
    K rem 10 =:= 0 andalso gen_server:cast(Pid, {add, K}),
    {ok, V} = gen_server:call(Pid, {add, K}),
    calls(Pid, K - 1, (Acc + V) rem 1000000007).

init(N) -> {ok, N}.

handle_call({add, K}, _From, N) -> {reply, {ok, N + K}, N + K};
handle_call(total, _From, N) -> {reply, N, N}.

handle_cast({add, K}, N) -> {noreply, N + K}.

handle_info(_, N) -> {noreply, N}.

terminate(_, _) -> ok.
