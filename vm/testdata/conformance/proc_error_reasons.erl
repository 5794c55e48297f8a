%% Exit reasons of processes dying from uncaught errors and throws ({Reason, Stack}, {nocatch, V}).
%% OTP logs an "Error in process" report for each of these (through logger, to stdout).
-module(proc_error_reasons).
-compile([export_all, nowarn_export_all]).

do_error(R) -> erlang:error(R).
do_throw(V) -> throw(V).
div0(X) -> 10 div X.
clause(a) -> ok.

down(Pid, Ref) ->
    receive
        {'DOWN', Ref, process, Pid2, Reason} -> {Pid2 =:= Pid, summarize(Reason)}
    after 1000 -> timeout
    end.

%% Keep a stack trace's shape only; for undef and function_clause, the failing call.
summarize({undef, [Call | _]}) -> {undef, Call};
summarize({function_clause, [{M, F, A, _} | _]}) -> {function_clause, {M, F, A}};
summarize({{badarity, {Fun, Args}}, [_ | _]}) -> {badarity, is_function(Fun, 1), Args};
summarize({R, [{M, F, A, Loc} | _] = Stack}) when is_atom(M), is_atom(F), is_list(Loc) ->
    {R, stack, is_list(Stack), is_integer(A) orelse is_list(A)};
summarize(R) -> R.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    Cases = [spawn_monitor(?MODULE, do_error, [oops]),
             spawn_monitor(?MODULE, do_throw, [ball]),
             spawn_monitor(?MODULE, div0, [0]),
             spawn_monitor(?MODULE, no_such_function, [1, 2]),
             spawn_monitor(no_such_module_xyz, f, []),
             spawn_monitor(?MODULE, clause, [b]),
             spawn_monitor(fun() -> erlang:error(badarg, [1]) end),
             spawn_monitor(fun() -> {a} = {id(b)} end),
             spawn_monitor(fun() -> case id(x) of y -> ok end end),
             spawn_monitor(fun() -> X = id(1), if X =:= 2 -> ok end end),
             spawn_monitor(fun() -> atom_to_list(id(42)) end),
             spawn_monitor(fun() -> (id(not_a_fun))(1) end),
             spawn_monitor(fun() -> (fun(X) -> X end)(1, 2) end),
             spawn_monitor(fun() -> throw({nested, [1, 2]}) end),
             spawn_monitor(fun() -> try erlang:error(first) catch error:_ -> erlang:error(second) end end)],
    Downs = [down(P, R) || {P, R} <- Cases],
    %% A trapping parent gets the same reason in its 'EXIT' message.
    process_flag(trap_exit, true),
    L = spawn_link(fun() -> 1 = id(2) end),
    Exit = receive {'EXIT', L, Why} -> summarize(Why) after 1000 -> timeout end,
    process_flag(trap_exit, false),
    %% Give OTP's logger time to print its reports while this program still
    %% runs, so that they do not end up in the output of the next one.
    receive after 300 -> ok end,
    [{downs, Downs}, {exit_msg, Exit}, {self_alive, is_process_alive(self())}].

id(X) -> X.
