%% Process dictionary: put/get/erase/get_keys (only keys created here are inspected).
-module(bif_process_dict).
-export([start/0]).

isort([]) -> [];
isort([H | T]) -> ins(H, isort(T)).
ins(X, []) -> [X];
ins(X, [Y | T]) when X =< Y -> [X, Y | T];
ins(X, [Y | T]) -> [Y | ins(X, T)].

mine() -> isort([KV || {{pd, _}, _} = KV <- get()]).

start() ->
    P1 = put({pd, 1}, one),
    P2 = put({pd, 1}, uno),
    put({pd, 2}, two), put({pd, 3}, two), put({pd, "k"}, [1, 2]),
    Snap = mine(),
    G = {get({pd, 1}), get({pd, 99})},
    Keys = isort([K || {pd, _} = K <- get_keys(two)]),
    AllKeys = isort([K || {pd, _} = K <- get_keys()]),
    E1 = erase({pd, 2}), E2 = erase({pd, 2}),
    After = mine(),
    [erase(K) || {K, _} <- After],
    [{put_ret, P1, P2}, {snap, Snap}, {get, G}, {keys_two, Keys}, {all_keys, AllKeys},
     {erase, E1, E2}, {after_erase, After}, {cleared, mine()}].
