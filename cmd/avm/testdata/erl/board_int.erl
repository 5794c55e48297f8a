%% Integers at a device's limit: AtomVM 0.6 has signed 64-bit integers and
%% raises overflow past them; 0.7 goes to 256 bits.
-module(board_int).
-export([start/0]).

start() ->
    %% Through a message, so that the compiler cannot fold the arithmetic.
    self() ! {max, 9223372036854775807},
    Max = receive {max, M} -> M end,
    erlang:display(catch Max + 1),
    erlang:display(catch Max * Max),
    erlang:display(catch (Max bsl 200) * 4),
    ok.
