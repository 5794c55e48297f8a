%% Issue #3's idle processes: 1,000,000 processes are spawned, each answers
%% one ping and then waits in receive; the run ends when all have answered.
%% Compare peak RSS (the runner reports it): the target is under 1 GiB.
-module(bench_idle1m).
-export([start/0]).

start() ->
    N = 1000000,
    Pids = spawn_all(N, []),
    Me = self(),
    ping(Pids, Me),
    pongs(N, 0).

spawn_all(0, Acc) -> Acc;
spawn_all(K, Acc) ->
    P = spawn(fun() -> receive {ping, From, V} -> From ! {pong, V}, receive stop -> ok end end end),
    spawn_all(K - 1, [P | Acc]).

ping([], _) -> ok;
ping([P | Ps], Me) -> P ! {ping, Me, 1}, ping(Ps, Me).

pongs(0, Sum) -> Sum;
pongs(K, Sum) -> receive {pong, V} -> pongs(K - 1, Sum + V) end.
