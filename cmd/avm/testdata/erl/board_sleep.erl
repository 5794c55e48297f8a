%% Deep sleep: the first run keeps a counter in RTC memory and sleeps for
%% a minute; after waking, the app starts again and finds it.
-module(board_sleep).
-export([start/0]).

start() ->
    case esp:rtc_slow_get_binary() of
        <<>> ->
            erlang:display({first, esp:reset_reason(), esp:sleep_get_wakeup_cause()}),
            ok = esp:rtc_slow_set_binary(<<1>>),
            esp:deep_sleep(60000),
            not_reached;
        <<N>> ->
            erlang:display({woke, N, esp:reset_reason(), esp:sleep_get_wakeup_cause()}),
            ok
    end.
