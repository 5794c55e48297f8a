%% Process spawning: a binary tree of processes, each spawning two
%% children (with spawn_link) until a depth, and replying the size of its
%% subtree to its parent; then a round of monitored processes whose 'DOWN'
%% messages are collected.
-module(bench_spawn).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(60, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() -> {tree(11), monitored(2000)}.

tree(Depth) ->
    Me = self(),
    spawn_link(fun() -> node(Me, Depth) end),
    receive {size, N} -> N end.

node(Parent, 0) -> Parent ! {size, 1};
node(Parent, Depth) ->
    Me = self(),
    spawn_link(fun() -> node(Me, Depth - 1) end),
    spawn_link(fun() -> node(Me, Depth - 1) end),
    A = receive {size, X} -> X end,
    B = receive {size, Y} -> Y end,
    Parent ! {size, A + B + 1}.

%% spawn_opt(F, [monitor]) is spawn_monitor/1, which AtomVM 0.6.6 lacks. The
%% processes exit normally: VMs that log abnormal exits would time their
%% logging.
monitored(N) ->
    Refs = [{element(2, spawn_opt(fun() -> ok end, [monitor])), K} || K <- lists:seq(1, N)],
    lists:foldl(fun({Ref, K}, Acc) -> receive {'DOWN', Ref, process, _, normal} -> Acc + K end end, 0, Refs).
