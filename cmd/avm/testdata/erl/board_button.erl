%% A button on pin 0 (to ground, read through the pull-up): the app waits
%% for the falling edge of a press, as an interrupt message.
-module(board_button).
-export([start/0]).

start() ->
    ok = gpio:set_pin_mode(0, input),
    ok = gpio:set_pin_pull(0, up),
    high = gpio:digital_read(0),
    GPIO = gpio:start(),
    ok = gpio:set_int(GPIO, 0, falling),
    erlang:display(waiting),
    receive
        {gpio_interrupt, 0} ->
            erlang:display({pressed, gpio:digital_read(0)}),
            ok
    after 10000 ->
        timeout
    end.
