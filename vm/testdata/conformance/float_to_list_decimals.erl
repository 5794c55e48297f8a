%% float_to_list/2 with {decimals,N}, with and without compact.
-module(float_to_list_decimals).
-export([start/0]).

start() ->
    Fs = [0.0, 1.0, 0.1, 1.5, 2.5, 0.125, -0.125, 123.456, 1.0e10, 0.0001,
          -3.75, 1/3, 9.995, 0.5, 1.0e-7],
    [{F,
      float_to_list(F, [{decimals, 0}]),
      float_to_list(F, [{decimals, 2}]),
      float_to_list(F, [{decimals, 4}, compact]),
      float_to_list(F, [{decimals, 10}]),
      float_to_list(F, [{decimals, 10}, compact])} || F <- id(Fs)].

id(X) -> X.
