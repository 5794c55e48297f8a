%% Conversions between floats and integers: trunc/round of large values, float/1.
-module(float_trunc_conv).
-export([start/0]).

start() ->
    Fs = [4503599627370495.5, 4503599627370496.5, 9007199254740991.0,
          1.0e17, 1.2345678901234567e18, 9.223372036854776e18, 1.8446744073709552e19,
          -9.223372036854776e18, 1.0e25, 0.49999999999999994, -0.49999999999999994],
    [{F, trunc(F), round(F), floor(F), ceil(F), float(trunc(F)) == F} || F <- id(Fs)].

id(X) -> X.
