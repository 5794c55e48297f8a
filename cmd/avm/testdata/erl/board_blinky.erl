%% Blinky: toggles pin 2 every second, four times (avm run --target esp32
%% --time-scale makes the test take milliseconds).
-module(board_blinky).
-export([start/0]).

start() ->
    ok = gpio:set_pin_mode(2, output),
    loop(low, 4).

loop(_, 0) -> ok;
loop(Level, N) ->
    ok = gpio:digital_write(2, Level),
    timer:sleep(1000),
    loop(toggle(Level), N - 1).

toggle(low) -> high;
toggle(high) -> low.
