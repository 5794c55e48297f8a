%% spawn/1 and spawn/3, self/0, is_process_alive/1, pid identity and replies via messages.
-module(proc_spawn_basic).
-compile([export_all, nowarn_export_all]).

echo(Parent, Tag, X) -> Parent ! {Tag, self(), X * 2}.

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
    P1 = spawn(fun() -> Me ! {p1, self(), is_pid(self())} end),
    R1 = receive {p1, From1, IsPid} -> {From1 =:= P1, IsPid} after 1000 -> timeout end,
    P2 = spawn(?MODULE, echo, [Me, p2, 21]),
    R2 = receive {p2, From2, V2} -> {From2 =:= P2, V2} after 1000 -> timeout end,
    P3 = spawn(fun() -> receive {ping, F} -> F ! {pong, self()} end end),
    Alive3 = is_process_alive(P3),
    P3 ! {ping, Me},
    R3 = receive {pong, From3} -> From3 =:= P3 after 1000 -> timeout end,
    Mref = monitor(process, P3),
    receive {'DOWN', Mref, process, P3, _} -> ok after 1000 -> ok end,
    Dead3 = is_process_alive(P3),
    %% Closure captures variables of the spawning process.
    Big = [X * X || X <- seqn(1, 50)],
    P4 = spawn(fun() -> Me ! {p4, sum(Big)} end),
    R4 = receive {p4, S} -> S after 1000 -> timeout end,
    _ = P4,
    %% Many spawned processes have distinct pids.
    Ps = [spawn(fun() -> ok end) || _ <- seqn(1, 20)],
    Distinct = length(usort(Ps)) =:= 20,
    [{self_alive, is_process_alive(self())},
     {self_is_pid, is_pid(Me)},
     {self_stable, self() =:= Me},
     {r1, R1}, {r2, R2},
     {alive_before, Alive3}, {r3, R3}, {alive_after, Dead3},
     {r4, R4},
     {distinct, Distinct},
     {not_self, P1 =/= Me},
     {pid_is_not_ref, is_reference(P1)},
     {spawn_badarg, catch_err(fun() -> spawn(not_a_fun) end)},
     {spawn3_badarg, catch_err(fun() -> spawn(?MODULE, echo, not_a_list) end)},
     {spawn3_badarg2, catch_err(fun() -> spawn("m", echo, []) end)},
     {alive_badarg, catch_err(fun() -> is_process_alive(foo) end)}].

catch_err(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

usort(L) -> dedup(msort(L)).
msort([]) -> [];
msort([P | T]) -> msort([X || X <- T, X < P]) ++ [P] ++ msort([X || X <- T, X >= P]).
dedup([A, A | T]) -> dedup([A | T]);
dedup([A | T]) -> [A | dedup(T)];
dedup([]) -> [].
