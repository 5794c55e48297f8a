%% Three busy workers at low, normal and high priority, started together;
%% each reports when it is done. On one scheduler the high one finishes
%% first and the low one last (vm/sched_test.go runs run/0; there is no
%% start/0 because on OTP's several schedulers the order is not fixed).
-module(sched_priorities).
-export([run/0, worker/2]).

run() ->
    Me = self(),
    [spawn_opt(?MODULE, worker, [P, Me], [{priority, P}]) || P <- [low, normal, high]],
    [receive {done, P} -> P end || _ <- [1, 2, 3]].

worker(Priority, Parent) ->
    burn(200000),
    Parent ! {done, Priority}.

burn(0) -> ok;
burn(N) -> burn(N - 1).
