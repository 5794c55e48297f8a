-module(stdlib_counters).
-export([start/0]).

%% counters: shared arrays of 64-bit signed counters, in both flavours.
start() ->
    [flavour(Opts) || Opts <- [[], [atomics], [write_concurrency]]] ++ [errors(), shared()].

flavour(Opts) ->
    C = counters:new(3, Opts),
    ok = counters:add(C, 1, 5),
    ok = counters:sub(C, 2, 7),
    ok = counters:put(C, 3, 100),
    R1 = [counters:get(C, I) || I <- [1, 2, 3]],
    %% signed 64-bit arithmetic wraps around, as OTP's does
    ok = counters:put(C, 1, (1 bsl 63) - 1),
    ok = counters:add(C, 1, 1),
    Wrapped = counters:get(C, 1),
    ok = counters:add(C, 2, (1 bsl 64) - 1),
    Big = counters:get(C, 2),
    Info = counters:info(C),
    {Opts, element(1, C), is_reference(element(2, C)), R1, Wrapped, Big, maps:get(size, Info)}.

errors() ->
    C = counters:new(2, []),
    [catch_badarg(F) || F <- [
        fun() -> counters:new(0, []) end,
        fun() -> counters:new(-1, []) end,
        fun() -> counters:new(a, []) end,
        fun() -> counters:new(1, [bad]) end,
        fun() -> counters:new(1, bad) end,
        fun() -> counters:get(C, 0) end,
        fun() -> counters:get(C, 3) end,
        fun() -> counters:get(C, x) end,
        fun() -> counters:add(C, 1, 1.0) end,
        fun() -> counters:add(C, 1, 1 bsl 64) end,
        fun() -> counters:add(C, 1, -(1 bsl 63) - 1) end,
        fun() -> counters:put(C, 1, 1 bsl 63) end,
        fun() -> counters:sub(C, 1, a) end,
        fun() -> counters:get(make_ref(), 1) end,
        fun() -> counters:get(not_counters, 1) end]].

catch_badarg(F) ->
    try F() of V -> {ok, V} catch error:badarg -> badarg; C:R -> {C, R} end.

%% the array is shared: other processes' updates are visible
shared() ->
    C = counters:new(1, [write_concurrency]),
    Self = self(),
    Pids = [spawn(fun() -> [counters:add(C, 1, 1) || _ <- lists:seq(1, 1000)], Self ! {done, self()} end)
            || _ <- lists:seq(1, 4)],
    [receive {done, P} -> ok end || P <- Pids],
    counters:get(C, 1).
