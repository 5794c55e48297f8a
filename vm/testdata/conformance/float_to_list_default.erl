%% float_to_list/1 and float_to_binary/1 default (20-digit scientific) format.
-module(float_to_list_default).
-export([start/0]).

start() ->
    Fs = [0.0, 1.0, -1.0, 0.1, 0.5, 123.456, 1.0e20, 1.0e-10, 5.0e-324,
          1.7976931348623157e308, 100.0, 1.0e15, 1.0e16, -0.5, 2.5e-5,
          3.141592653589793, 1/3],
    [{float_to_list(F), float_to_binary(F)} || F <- id(Fs)].

id(X) -> X.
