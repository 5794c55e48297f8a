%% float_to_list/2 and float_to_binary/2 with {scientific,N}.
-module(float_to_list_scientific).
-export([start/0]).

start() ->
    Fs = [0.0, 1.0, -1.0, 0.1, 123.456, 1.0e20, 1.0e-10, 5.0e-324,
          1.7976931348623157e308, 99.99, 0.5],
    [{F,
      float_to_list(F, [{scientific, 0}]),
      float_to_list(F, [{scientific, 3}]),
      float_to_list(F, [{scientific, 10}]),
      float_to_binary(F, [{scientific, 5}])} || F <- id(Fs)].

id(X) -> X.
