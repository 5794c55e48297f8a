%% A UART echo server: reads what arrives on UART1 and writes it back
%% after "echo: ", until a line starting with "quit" arrives.
-module(board_uart_echo).
-export([start/0]).

start() ->
    UART = uart:open("UART1", [{speed, 115200}]),
    loop(UART).

loop(UART) ->
    {ok, Data} = uart:read(UART),
    ok = uart:write(UART, [<<"echo: ">>, Data]),
    case Data of
        <<"quit", _/binary>> -> uart:close(UART);
        _ -> loop(UART)
    end.
