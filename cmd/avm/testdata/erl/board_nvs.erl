%% Counts its runs in NVS, which persists across runs as flash does.
-module(board_nvs).
-export([start/0]).

start() ->
    <<N:32>> = esp:nvs_get_binary(demo, boots, <<0:32>>),
    ok = esp:nvs_set_binary(demo, boots, <<(N + 1):32>>),
    erlang:display({boot, N + 1}),
    erlang:display(esp:nvs_fetch_binary(demo, missing)),
    erlang:display(esp:nvs_fetch_binary(no_such_namespace, boots)),
    ok.
