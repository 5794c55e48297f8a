%% erlang:hibernate/3 (wake on a message, stack discarded, dictionary kept) and erlang:yield/0.
-module(proc_hibernate).
-compile([export_all, nowarn_export_all]).

wake(Parent, Tag) ->
    receive M -> Parent ! {woke, Tag, M, get(k)} end.

%% Hibernates again until it gets stop; counts wake-ups in its dictionary.
sleeper(Parent) ->
    receive
        stop -> Parent ! {stopped, get(wakes)};
        {ping, N} ->
            put(wakes, get(wakes) + 1),
            Parent ! {pong, N},
            erlang:hibernate(?MODULE, sleeper, [Parent])
    end.

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
    {P, M} = spawn_monitor(fun() ->
        put(k, kept),
        Me ! ready,
        erlang:hibernate(?MODULE, wake, [Me, t1]),
        Me ! not_reached
    end),
    receive ready -> ok end,
    Status = wait_status(P, 1000),
    CF = process_info(P, current_function),
    P ! hello,
    Woke = receive {woke, _, _, _} = W -> W after 1000 -> timeout end,
    %% When the wake-up function returns, the process ends normally.
    Down = receive {'DOWN', M, process, P, R} -> R after 1000 -> timeout end,
    NotReached = receive not_reached -> reached after 0 -> not_reached end,
    %% A message already queued wakes it at once.
    {P2, M2} = spawn_monitor(fun() ->
        self() ! early,
        erlang:hibernate(?MODULE, wake, [Me, t2])
    end),
    Woke2 = receive {woke, t2, _, _} = W2 -> W2 after 1000 -> timeout end,
    Down2 = receive {'DOWN', M2, process, P2, R2} -> R2 after 1000 -> timeout end,
    %% Repeated hibernation.
    S = spawn(fun() -> put(wakes, 0), sleeper(Me) end),
    Pongs = [begin S ! {ping, N}, receive {pong, N} -> N after 1000 -> timeout end end
             || N <- [1, 2, 3, 4]],
    S ! stop,
    Stopped = receive {stopped, X} -> X after 1000 -> timeout end,
    [{status, Status}, {cf, CF}, {woke, Woke}, {down, Down}, {not_reached, NotReached},
     {woke2, Woke2, Down2}, {pongs, Pongs}, {stopped, Stopped},
     {yield, erlang:yield()},
     {bad, try erlang:hibernate(?MODULE, wake, not_a_list) catch error:E -> E end}].
