%% Round trips float -> text -> float for default, short and scientific formats.
-module(float_round_trip).
-export([start/0]).

start() ->
    Fs = [0.1, 1/3, 2/3, 1.0e-300, 1.0e300, 5.0e-324, 1.7976931348623157e308,
          123.456, -9.87654321e-5, 2.2250738585072014e-308, 0.30000000000000004],
    [{F,
      list_to_float(float_to_list(F)) =:= F,
      list_to_float(float_to_list(F, [short])) =:= F,
      binary_to_float(float_to_binary(F, [{scientific, 16}])) =:= F,
      binary_to_float(float_to_binary(F, [{scientific, 5}])) =:= F} || F <- id(Fs)].

id(X) -> X.
