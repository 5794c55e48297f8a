%% process_info/1,2 items: message_queue_len, messages, links, monitors, registered_name, status, ...
-module(proc_process_info).
-compile([export_all, nowarn_export_all]).

%% Waits for 'go' only, so other messages pile up.
blocked() -> receive go -> ok end, receive stop -> ok end.

%% Polls until P is in state waiting (at most Tries ms).
wait_status(P, Tries) ->
    case process_info(P, status) of
        {status, waiting} -> waiting;
        Other when Tries =:= 0 -> Other;
        _ -> receive after 1 -> wait_status(P, Tries - 1) end
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
    P = spawn(?MODULE, blocked, []),
    Status = wait_status(P, 1000),
    [P ! {m, I} || I <- [1, 2, 3, 4, 5]],
    QLen = process_info(P, message_queue_len),
    Msgs = process_info(P, messages),
    link(P),
    Links = process_info(P, links),
    MRef = monitor(process, P),
    {monitored_by, By} = process_info(P, monitored_by),
    {monitors, Mons} = process_info(self(), monitors),
    NoName = process_info(P, registered_name),
    register(proc_process_info_p, P),
    Name = process_info(P, registered_name),
    Trap = process_info(P, trap_exit),
    Multi = process_info(P, [message_queue_len, registered_name, trap_exit]),
    P ! go,
    {dictionary, D0} = process_info(self(), dictionary),
    put(k1, v1), put(k2, [v2]),
    {dictionary, D1} = process_info(self(), dictionary),
    SelfQ = begin self() ! a, self() ! b, process_info(self(), message_queue_len) end,
    receive a -> ok end, receive b -> ok end,
    {current_function, CF} = process_info(self(), current_function),
    {initial_call, IC} = process_info(P, initial_call),
    FunP = spawn(fun() -> receive stop -> ok end end),
    {initial_call, FunIC} = process_info(FunP, initial_call),
    FunP ! stop,
    SelfStatus = process_info(self(), status),
    {heap_size, HS} = process_info(self(), heap_size),
    {reductions, Red} = process_info(self(), reductions),
    {memory, Mem} = process_info(self(), memory),
    {group_leader, GL} = process_info(P, group_leader),
    All = process_info(P),
    unlink(P),
    P ! stop,
    receive {'DOWN', MRef, process, P, _} -> ok end,
    [{status, Status}, {qlen, QLen}, {msgs, Msgs},
     {links, Links =:= {links, [Me]}}, {monitored_by, By =:= [Me]},
     {monitors, Mons =:= [{process, P}]},
     {no_name, NoName}, {name, Name}, {trap, Trap}, {multi, Multi},
     {dict, D0, sort(D1)}, {self_q, SelfQ},
     {current, CF =:= {?MODULE, run, 0}},
     {initial_call, IC, FunIC}, {self_status, SelfStatus},
     {ints, is_integer(HS), is_integer(Red) andalso Red > 0, is_integer(Mem)},
     {gl, is_pid(GL) andalso GL =:= element(2, process_info(self(), group_leader))},
     {all_is_list, is_list(All)},
     {dead, process_info(P, status), process_info(P), process_info(P, [status, links])},
     {bad_item, try process_info(self(), no_such_item) catch error:E1 -> E1 end},
     {bad_pid, try process_info(foo, status) catch error:E2 -> E2 end}].

sort([]) -> [];
sort([H | T]) -> sort([X || X <- T, X < H]) ++ [H] ++ sort([X || X <- T, X >= H]).
