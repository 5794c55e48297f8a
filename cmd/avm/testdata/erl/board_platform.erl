%% What the platform says about itself: atomvm:platform/0, and on the
%% ESP32 family the chip description.
-module(board_platform).
-export([start/0]).

start() ->
    erlang:display(atomvm:platform()),
    case atomvm:platform() of
        esp32 -> erlang:display(erlang:system_info(esp32_chip_info));
        _ -> ok
    end,
    ok.
