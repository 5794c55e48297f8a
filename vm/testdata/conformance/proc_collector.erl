%% 1000 processes each send one message to a collector, which counts and sums them.
-module(proc_collector).
-compile([export_all, nowarn_export_all]).

-define(N, 1000).

collector(Parent, Expected) -> collector(Parent, Expected, 0, 0, #{}).

collector(Parent, 0, Count, Sum, Seen) ->
    Parent ! {collected, Count, Sum, map_size(Seen)};
collector(Parent, Left, Count, Sum, Seen) ->
    receive
        {item, From, I} -> collector(Parent, Left - 1, Count + 1, Sum + I, Seen#{From => I})
    after 5000 -> Parent ! {collected, timeout, Count}
    end.

worker(Collector, I) -> Collector ! {item, self(), I * I}.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    Me = self(),
    C = spawn(?MODULE, collector, [Me, ?N]),
    Ws = [spawn(?MODULE, worker, [C, I]) || I <- seqn(1, ?N)],
    R1 = receive {collected, _, _, _} = M1 -> M1 after 10000 -> timeout end,
    %% Same with funs and spawn_monitor: wait for all to end normally.
    C2 = spawn(?MODULE, collector, [Me, ?N]),
    Mons = [spawn_monitor(fun() -> C2 ! {item, self(), I} end) || I <- seqn(1, ?N)],
    Downs = count_downs(Mons, 0),
    R2 = receive {collected, _, _, _} = M2 -> M2 after 10000 -> timeout end,
    %% Many processes all replying straight to us: count with a receive loop.
    [spawn(fun() -> Me ! {direct, I rem 7} end) || I <- seqn(1, ?N)],
    {DCount, DSum} = gather(?N, 0, 0),
    [{r1, R1}, {distinct_pids, length(usort(Ws))}, {r2, R2}, {normal_downs, Downs},
     {direct, DCount, DSum},
     {left, receive Any -> {extra, Any} after 0 -> none end}].

count_downs([], N) -> N;
count_downs([{P, R} | T], N) ->
    receive {'DOWN', R, process, P, normal} -> count_downs(T, N + 1)
    after 5000 -> N
    end.

gather(0, C, S) -> {C, S};
gather(Left, C, S) ->
    receive {direct, X} -> gather(Left - 1, C + 1, S + X) after 5000 -> {timeout, C} end.

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].

usort([]) -> [];
usort([H | T]) -> usort([X || X <- T, X < H]) ++ [H] ++ usort([X || X <- T, X > H]).
