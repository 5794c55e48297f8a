%% Bignum div and rem with mixed signs and sizes.
-module(arith_bignum_divrem).
-export([start/0]).

start() ->
    A = id(123456789012345678901234567890123456789),
    B = id(987654321098765432109876543210),
    S = id(12345),
    [{ab, A div B, A rem B},
     {nab, -A div B, -A rem B},
     {anb, A div -B, A rem -B},
     {nanb, -A div -B, -A rem -B},
     {as, A div S, A rem S},
     {nas, -A div S, -A rem S},
     {ba_small, B div A, B rem A},
     {self, A div A, A rem A},
     {pow_div, (1 bsl 200) div (1 bsl 100) =:= (1 bsl 100)},
     {check, (A div B) * B + A rem B =:= A},
     {big_by_neg1, A div -1},
     {to_small, (A * 7) div A}].

id(X) -> X.
