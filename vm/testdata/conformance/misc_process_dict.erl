%% Process dictionary: put/get/erase/get_keys, returning old values; results sorted locally.
-module(misc_process_dict).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

isort(L) -> isort(L, []).
isort([], A) -> A;
isort([H | T], A) -> isort(T, ins(H, A)).
ins(X, [H | T]) when X > H -> [H | ins(X, T)];
ins(X, L) -> [X | L].

counter(K) ->
    Old = case get(K) of undefined -> 0; V -> V end,
    put(K, Old + 1).

start() ->
    _ = erase(),
    P1 = put(a, 1),
    P2 = put(a, 2),
    put(b, 2),
    put({key, 1}, "tuple key"),
    put(1.5, float_key),
    put(c, 1),
    [counter(hits) || _ <- [1, 2, 3, 4, 5]],
    Keys = isort(get_keys()),
    Ones = isort(get_keys(1)),
    Twos = isort(get_keys(2)),
    All = isort(get()),
    Gets = {get(b), get(nokey), get({key, 1})},
    E1 = erase(a),
    E2 = erase(a),
    AfterErase = isort(get_keys()),
    AllErased = isort(erase()),
    [{put_returns, P1, P2},
     {get, Gets},
     {keys, Keys},
     {by_value, Ones, Twos},
     {all, All},
     {erase, E1, E2, AfterErase},
     {erase_all, AllErased, get(), get_keys()}].
