%% float_to_list/2 and float_to_binary/2 with the short option (shortest round-trip).
-module(float_to_list_short).
-export([start/0]).

start() ->
    Fs = [0.0, 1.0, -1.0, 0.1, 0.2, 0.30000000000000004, 123.456, 1.0e20,
          1.0e-10, 5.0e-324, 1.7976931348623157e308, 100.0, 1.0e15, 1.0e16,
          -0.5, 1.0e21, 1.0e22, 1.0e23, 123456789012345680.0, 0.001, 0.0001,
          1.0e-5, 2.2250738585072014e-308, 4.9e-324, 12345.678],
    [{float_to_list(F, [short]), float_to_binary(F, [short])} || F <- id(Fs)].

id(X) -> X.
