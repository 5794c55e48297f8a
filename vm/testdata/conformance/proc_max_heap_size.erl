%% spawn_opt with {max_heap_size, Map}: a process that outgrows it is killed (reason killed).
-module(proc_max_heap_size).
-compile([export_all, nowarn_export_all]).

%% Build a list of N tuples and keep it live.
grow(N) -> grow(N, []).
grow(0, Acc) -> length(Acc);
grow(N, Acc) -> grow(N - 1, [{N, N * 2} | Acc]).

grow_map(N) -> grow_map(N, #{}).
grow_map(0, M) -> map_size(M);
grow_map(N, M) -> grow_map(N - 1, M#{N => [N]}).

run_with(Fun, Opts) ->
    {P, M} = spawn_opt(fun() -> exit({done, Fun()}) end, [monitor | Opts]),
    receive {'DOWN', M, process, P, Why} -> Why after 5000 -> timeout end.

%% error_logger => false: OTP would otherwise log a report for each kill.
mhs(Size, Kill) -> {max_heap_size, #{size => Size, kill => Kill, error_logger => false}}.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    Big = fun() -> grow(200000) end,
    Small = fun() -> grow(10) end,
    BigMap = fun() -> grow_map(50000) end,
    Info = fun() ->
               {max_heap_size, #{size := S, kill := K, error_logger := E}} =
                   process_info(self(), max_heap_size),
               {S, K, E}
           end,
    Flag = fun() ->
               Old = process_flag(max_heap_size, #{size => 5000, kill => true, error_logger => false}),
               {max_heap_size, #{size := S}} = process_info(self(), max_heap_size),
               {maps_size_ok, map_size(Old) >= 3, S, grow(200000)}
           end,
    [{small_fits, run_with(Small, [mhs(100000, true)])},
     {big_killed, run_with(Big, [mhs(10000, true)])},
     {big_map_killed, run_with(BigMap, [mhs(10000, true)])},
     {no_kill_survives, run_with(Big, [mhs(10000, false)])},
     {zero_is_unlimited, run_with(Big, [mhs(0, true)])},
     {no_limit, run_with(Big, [])},
     {info, run_with(Info, [mhs(123456, true)])},
     {flag_killed, run_with(Flag, [])},
     {bad_size, catch_err(fun() -> spawn_opt(Small, [{max_heap_size, -5}]) end)},
     {bad_map, catch_err(fun() -> spawn_opt(Small, [{max_heap_size, #{size => x}}]) end)}].

catch_err(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.
