%% receive ... after: after 0 polling, after N timeouts, after infinity, computed timeouts.
-module(proc_receive_after).
-compile([export_all, nowarn_export_all]).

sleep(T) -> receive after T -> ok end.

wait(T) -> receive {msg, X} -> {got, X} after T -> timeout end.

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
    Empty0 = receive _ -> got after 0 -> timeout end,
    Me ! {msg, 1},
    Full0 = wait(0),
    Short = wait(20),
    %% A message sent 10 ms from now arrives well before a 1000 ms timeout.
    spawn(fun() -> sleep(10), Me ! {msg, late} end),
    Late = wait(1000),
    %% after infinity with a message that does arrive.
    spawn(fun() -> sleep(5), Me ! {msg, inf} end),
    Inf = receive {msg, X} -> {got, X} after infinity -> never end,
    %% Timeout computed at run time, including zero.
    T = id(15),
    Computed = wait(T),
    Zero = wait(id(0)),
    %% An after-only receive just sleeps and leaves the mailbox alone.
    Me ! keep,
    ok = sleep(5),
    Kept = receive keep -> kept after 0 -> lost end,
    %% Non-matching messages do not end the wait early and stay queued.
    spawn(fun() -> Me ! noise1, Me ! noise2, sleep(5), Me ! {msg, after_noise} end),
    AfterNoise = wait(1000),
    Noise = [receive N -> N after 0 -> none end || _ <- [1, 2, 3]],
    %% The after body's value is the receive's value.
    Body = receive nothing -> x after 1 -> {computed, 6 * 7} end,
    %% Bad timeouts raise timeout_value.
    Bad1 = try receive nothing -> x after id(-1) -> y end catch error:E1 -> E1 end,
    Bad2 = try receive nothing -> x after id(foo) -> y end catch error:E2 -> E2 end,
    Bad3 = try receive nothing -> x after id(1.5) -> y end catch error:E3 -> E3 end,
    [{empty0, Empty0}, {full0, Full0}, {short, Short}, {late, Late}, {inf, Inf},
     {computed, Computed}, {zero, Zero}, {kept, Kept}, {after_noise, AfterNoise},
     {noise, Noise}, {body, Body}, {bad, Bad1, Bad2, Bad3}].

id(X) -> X.
