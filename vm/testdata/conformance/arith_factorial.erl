%% Bignum factorials and products.
-module(arith_factorial).
-export([start/0]).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

start() ->
    F30 = fact(30),
    [{f20, fact(20)}, {f21, fact(21)}, {f25, fact(25)}, {f30, F30},
     {f50, fact(50)},
     {f30_div_f29, F30 div fact(29)},
     {f30_rem_1000007, F30 rem 1000007},
     {neg, -F30},
     {sq, F30 * F30},
     {ratio, fact(40) div F30},
     {sum, fact(31) - F30}].
