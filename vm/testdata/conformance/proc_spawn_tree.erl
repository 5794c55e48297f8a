%% Nested spawning: a process tree computing fib in parallel, and a parallel map keyed by refs.
-module(proc_spawn_tree).
-compile([export_all, nowarn_export_all]).

%% Each call spawns two children for the subproblems and sums their replies.
pfib(N, Parent, Tag) when N < 2 -> Parent ! {Tag, N};
pfib(N, Parent, Tag) ->
    Me = self(),
    A = make_ref(), B = make_ref(),
    spawn(?MODULE, pfib, [N - 1, Me, A]),
    spawn(?MODULE, pfib, [N - 2, Me, B]),
    X = receive {A, VA} -> VA end,
    Y = receive {B, VB} -> VB end,
    Parent ! {Tag, X + Y}.

pmap(F, L) ->
    Me = self(),
    Refs = [begin R = make_ref(), spawn(fun() -> Me ! {R, F(X)} end), R end || X <- L],
    [receive {R, V} -> V after 5000 -> timeout end || R <- Refs].

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
    T = make_ref(),
    spawn(?MODULE, pfib, [15, Me, T]),
    Fib = receive {T, V} -> V after 5000 -> timeout end,
    Squares = pmap(fun(X) -> X * X end, seqn(1, 20)),
    Slow = pmap(fun(X) -> receive after (20 - X) -> X end end, seqn(1, 10)),
    Nested = pmap(fun(X) -> sum(pmap(fun(Y) -> X * Y end, seqn(1, X))) end, seqn(1, 8)),
    Root = spawn(?MODULE, tree_root, [4, Me]),
    Leaves = receive {tree, Root, N} -> N after 5000 -> timeout end,
    [{fib15, Fib}, {squares, Squares}, {slow_in_order, Slow}, {nested, Nested},
     {leaves, Leaves}].

%% A tree of depth 4, three children per node: leaves counted bottom-up.
tree_root(D, Parent) ->
    Me = self(),
    Kids = [spawn(?MODULE, node, [D - 1, Me]) || _ <- [1, 2, 3]],
    Parent ! {tree, self(), sum([receive {count, K, C} -> C end || K <- Kids])}.

node(0, Parent) -> Parent ! {count, self(), 1};
node(D, Parent) ->
    Me = self(),
    Kids = [spawn(?MODULE, node, [D - 1, Me]) || _ <- [1, 2, 3]],
    Parent ! {count, self(), sum([receive {count, K, C} -> C end || K <- Kids])}.

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].
