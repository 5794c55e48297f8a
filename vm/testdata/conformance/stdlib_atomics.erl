-module(stdlib_atomics).
-export([start/0]).

%% atomics: shared arrays of 64-bit integers, signed or unsigned.
start() ->
    [signed(), unsigned(), errors(), shared()].

signed() ->
    A = atomics:new(4, []),
    ok = atomics:put(A, 1, 10),
    R = [atomics:add_get(A, 1, 5), atomics:sub_get(A, 1, 20),
         atomics:add(A, 2, 3), atomics:sub(A, 2, 1), atomics:get(A, 2),
         atomics:exchange(A, 3, 42), atomics:exchange(A, 3, 7),
         atomics:compare_exchange(A, 3, 7, 9), atomics:compare_exchange(A, 3, 7, 11),
         atomics:get(A, 3), atomics:get(A, 4)],
    ok = atomics:put(A, 4, -(1 bsl 63)),
    W1 = atomics:sub_get(A, 4, 1),
    W2 = atomics:add_get(A, 4, (1 bsl 64) - 1),
    {is_reference(A), R, W1, W2, info(A)}.

unsigned() ->
    A = atomics:new(2, [{signed, false}]),
    W1 = atomics:sub_get(A, 1, 1),
    ok = atomics:put(A, 2, (1 bsl 64) - 1),
    W2 = atomics:add_get(A, 2, 2),
    W3 = atomics:add_get(A, 2, -1),
    X = atomics:exchange(A, 1, 1 bsl 63),
    CE = atomics:compare_exchange(A, 1, 1 bsl 63, 5),
    {W1, W2, W3, X, CE, atomics:get(A, 1), info(A)}.

%% the map without memory, which is the runtime's own figure
info(A) ->
    #{size := Size, max := Max, min := Min} = atomics:info(A),
    {Size, Max, Min}.

errors() ->
    S = atomics:new(1, [{signed, true}]),
    U = atomics:new(1, [{signed, false}]),
    [catch_badarg(F) || F <- [
        fun() -> atomics:new(0, []) end,
        fun() -> atomics:new(1, [{signed, perhaps}]) end,
        fun() -> atomics:new(1, [bad]) end,
        fun() -> atomics:new(1, bad) end,
        fun() -> is_reference(atomics:new(1, [{signed, false}, {signed, true}])) end,
        fun() -> atomics:get(S, 2) end,
        fun() -> atomics:get(S, 0) end,
        fun() -> atomics:put(S, 1, 1 bsl 63) end,
        fun() -> atomics:put(S, 1, -(1 bsl 63)) end,
        fun() -> atomics:put(U, 1, -1) end,
        fun() -> atomics:put(U, 1, 1 bsl 64) end,
        fun() -> atomics:add(U, 1, -1) end,
        fun() -> atomics:add(S, 1, 1 bsl 64) end,
        fun() -> atomics:add(S, 1, -(1 bsl 63) - 1) end,
        fun() -> atomics:exchange(U, 1, -1) end,
        fun() -> atomics:exchange(S, 1, 1 bsl 63) end,
        fun() -> atomics:compare_exchange(U, 1, -1, 0) end,
        fun() -> atomics:compare_exchange(U, 1, 0, -1) end,
        fun() -> atomics:compare_exchange(S, 1, 1 bsl 63, 0) end,
        fun() -> atomics:add(S, 1, 1.5) end,
        fun() -> atomics:get(make_ref(), 1) end,
        fun() -> atomics:info(make_ref()) end,
        fun() -> atomics:info(x) end]].

catch_badarg(F) ->
    try F() of V -> {ok, V} catch error:badarg -> badarg; C:R -> {C, R} end.

%% the array is shared: other processes' updates are visible
shared() ->
    A = atomics:new(1, []),
    Self = self(),
    Pids = [spawn(fun() -> [atomics:add(A, 1, 1) || _ <- lists:seq(1, 1000)], Self ! {done, self()} end)
            || _ <- lists:seq(1, 4)],
    [receive {done, P} -> ok end || P <- Pids],
    atomics:get(A, 1).
