%% processes/0 membership, is_process_alive/1 over a process's life, pids in term order and type tests.
-module(proc_processes).
-compile([export_all, nowarn_export_all]).

member(_, []) -> false;
member(X, [X | _]) -> true;
member(X, [_ | T]) -> member(X, T).

sort([]) -> [];
sort([H | T]) -> sort([X || X <- T, X < H]) ++ [H] ++ sort([X || X <- T, X >= H]).

kind(X) when is_integer(X) -> number;
kind(X) when is_atom(X) -> atom;
kind(X) when is_reference(X) -> reference;
kind(X) when is_function(X) -> 'fun';
kind(X) when is_pid(X) -> pid;
kind(X) when is_tuple(X) -> tuple;
kind(X) when is_map(X) -> map;
kind(X) when is_list(X) -> list;
kind(X) when is_binary(X) -> binary.

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
    Ps0 = processes(),
    SelfIn = member(Me, Ps0),
    AllPids = [P || P <- Ps0, not is_pid(P)] =:= [],
    W = spawn(fun() -> receive go -> Me ! {gone, self()} end end),
    Life1 = {is_process_alive(W), member(W, processes())},
    M = monitor(process, W),
    W ! go,
    receive {gone, W} -> ok end,
    receive {'DOWN', M, process, W, _} -> ok end,
    Life2 = {is_process_alive(W), member(W, processes())},
    %% Many short-lived processes: once all are down, none is listed.
    Many = [spawn_monitor(fun() -> ok end) || _ <- seqn(1, 100)],
    [receive {'DOWN', R, process, P, normal} -> ok end || {P, R} <- Many],
    Ps1 = processes(),
    NoneLeft = [P || {P, _} <- Many, member(P, Ps1)] =:= [],
    %% Term order: number < atom < reference < fun < port < pid < tuple < map < list < binary.
    Mixed = [<<"b">>, [l], #{m => 1}, {t}, Me, fun kind/1, make_ref(), atom, 42],
    Order = [kind(X) || X <- sort(Mixed)],
    %% Pid comparisons and type tests.
    Types = {is_pid(Me), is_pid(list_to_atom("pid")), is_reference(Me), is_atom(Me),
             is_tuple(Me), is_function(Me), is_port(Me)},
    Cmp = {Me == Me, Me =:= W, Me =/= W, Me > W orelse Me < W, node(Me) =:= node(), node(W) =:= node()},
    [{self_in, SelfIn}, {all_pids, AllPids}, {life1, Life1}, {life2, Life2},
     {none_left, NoneLeft}, {order, Order}, {types, Types}, {cmp, Cmp},
     {self_listed_after, member(self(), processes())}].

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].
