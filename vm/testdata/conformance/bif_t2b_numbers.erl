%% term_to_binary/1 byte encodings of integers, bignums and floats.
-module(bif_t2b_numbers).
-export([start/0]).

start() ->
    Ns = [0, 1, 255, 256, -1, -256, 2147483647, 2147483648, -2147483648,
          -2147483649, 1 bsl 59, 1 bsl 64, -(1 bsl 64), 1 bsl 100,
          0.0, 1.0, -1.5, 0.1, 1.0e300, 5.0e-324],
    [{N, term_to_binary(N)} || N <- id(Ns)] ++
    [{big_len, byte_size(term_to_binary(1 bsl 2100))}].

id(X) -> X.
