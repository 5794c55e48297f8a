%% Process dictionary: each process has its own; spawned processes start empty; get/put/erase.
-module(proc_dictionary).
-compile([export_all, nowarn_export_all]).

sort([]) -> [];
sort([H | T]) -> sort([X || X <- T, X < H]) ++ [H] ++ sort([X || X <- T, X >= H]).

%% A process that owns a dictionary and answers questions about it.
keeper(Parent) ->
    put(owner, keeper),
    put(counter, 0),
    Parent ! {ready, self()},
    keeper_loop().

keeper_loop() ->
    receive
        {incr, From} -> put(counter, get(counter) + 1), From ! {counter, get(counter)}, keeper_loop();
        {dump, From} -> From ! {dump, sort(get())}, keeper_loop();
        stop -> ok
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
    Fresh = get(),
    undefined = put(owner, main),
    put(counter, 100),
    put({tuple, key}, [1, 2, 3]),
    %% A child does not inherit the dictionary.
    spawn(fun() -> Me ! {child_dict, get(), get(owner)} end),
    Child = receive {child_dict, CD, CO} -> {CD, CO} after 1000 -> timeout end,
    %% A long-lived keeper with its own values under the same keys.
    K = spawn(?MODULE, keeper, [Me]),
    receive {ready, K} -> ok end,
    [K ! {incr, Me} || _ <- [1, 2, 3]],
    Counts = [receive {counter, C} -> C after 1000 -> timeout end || _ <- [1, 2, 3]],
    put(counter, get(counter) + 1),
    K ! {dump, Me},
    KDump = receive {dump, KD} -> KD after 1000 -> timeout end,
    K ! stop,
    %% Children running concurrently, each filling its own dictionary.
    Workers = [spawn(fun() ->
                         [put(I, N * I) || I <- [1, 2, 3, 4, 5]],
                         Me ! {worker, N, sort(get())}
                     end) || N <- [1, 2, 3]],
    WDumps = [receive {worker, N, WD} -> {N, WD} after 1000 -> timeout end || N <- [1, 2, 3]],
    Mine = sort(get()),
    %% erase/1 returns the old value; erase/0 returns everything.
    Old = erase(counter),
    Missing = erase(counter),
    Keys = sort(get_keys()),
    KeysOf = get_keys([1, 2, 3]),
    All = sort(erase()),
    Empty = get(),
    [{fresh, Fresh}, {child, Child}, {counts, Counts}, {keeper, KDump},
     {workers, length(Workers), WDumps}, {mine, Mine},
     {erase, Old, Missing}, {keys, Keys, KeysOf}, {all, All}, {empty, Empty}].
