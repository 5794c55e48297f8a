%% A process in an endless loop does not keep others from running: the
%% scheduler preempts it by reductions, and it can still be killed.
-module(proc_fairness).
-export([start/0, spin/1]).

spin(N) -> spin(N + 1).

start() ->
    Spinners = [spawn_monitor(?MODULE, spin, [0]) || _ <- [1, 2, 3]],
    Me = self(),
    spawn(fun() -> Me ! {pong, self()} end),
    Got = receive {pong, _} -> pong after 5000 -> starved end,
    erlang:yield(),
    [exit(S, kill) || {S, _} <- Spinners],
    Reasons = [receive {'DOWN', R, process, S, Why} -> Why after 5000 -> alive end
               || {S, R} <- Spinners],
    {Got, Reasons}.
