%% A ring of 1000 processes passing a token 10 laps; every node counts its visits.
-module(proc_ring).
-compile([export_all, nowarn_export_all]).

-define(N, 1000).
-define(LAPS, 10).

%% Each node waits for its successor, then forwards tokens, incrementing them.
node_init(Parent) ->
    receive {next, Next} -> node_loop(Parent, Next, 0) end.

node_loop(Parent, Next, Visits) ->
    receive
        {token, 0, Hops} -> Parent ! {finished, Hops, self()}, node_loop(Parent, Next, Visits + 1);
        {token, Left, Hops} -> Next ! {token, Left - 1, Hops + 1}, node_loop(Parent, Next, Visits + 1);
        {report, From} -> From ! {visits, self(), Visits}
    end.

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
    Nodes = [spawn(?MODULE, node_init, [Me]) || _ <- seqn(1, ?N)],
    [First | _] = Nodes,
    connect(Nodes, First),
    Total = ?N * ?LAPS,
    First ! {token, Total - 1, 1},
    {Hops, Last} = receive {finished, H, L} -> {H, L} after 5000 -> {timeout, none} end,
    %% Ask every node how often it saw the token.
    [N ! {report, Me} || N <- Nodes],
    Visits = [receive {visits, N, V} -> V after 5000 -> timeout end || N <- Nodes],
    Distinct = [V || V <- Visits, V =/= ?LAPS],
    %% Nodes end after reporting (monitoring an ended one gives noproc).
    Refs = [monitor(process, N) || N <- Nodes],
    Downs = [receive {'DOWN', R, process, _, W} when W =:= normal; W =:= noproc -> ok
             after 5000 -> timeout end || R <- Refs],
    [{hops, Hops}, {last_is_last, Last =:= lastof(Nodes)},
     {visits_total, sum(Visits)}, {all_ten, Distinct =:= []},
     {all_ended, [D || D <- Downs, D =/= ok] =:= []},
     {alive_after, [N || N <- Nodes, is_process_alive(N)]}].

connect([A, B | T], First) -> A ! {next, B}, connect([B | T], First);
connect([Last], First) -> Last ! {next, First}.

lastof([X]) -> X;
lastof([_ | T]) -> lastof(T).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].
