%% A UART in loopback: what the app writes comes back to it; a read with
%% nothing to come times out.
-module(board_uart).
-export([start/0]).

start() ->
    UART = uart:open("UART1", [{speed, 115200}]),
    ok = uart:write(UART, [<<"hello">>, $\s, "uart"]),
    erlang:display(uart:read(UART, 1000)),
    erlang:display(uart:read(UART, 50)),
    uart:close(UART).
