%% Modular exponentiation and gcd with bignums using div/rem.
-module(arith_mod_pow).
-export([start/0]).

powmod(_, 0, _) -> 1;
powmod(B, E, M) when E rem 2 =:= 0 -> H = powmod(B, E div 2, M), (H * H) rem M;
powmod(B, E, M) -> (B * powmod(B, E - 1, M)) rem M.

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

start() ->
    P = pow(2, 127) - 1,
    [{p127, P},
     {fermat, powmod(3, P - 1, P)},
     {pm, powmod(12345678901234567890, 65537, 1000000007)},
     {pow10_30, pow(10, 30)}, {pow_neg3, pow(-3, 41)},
     {gcd_big, gcd(pow(2, 100) * 15, pow(2, 90) * 21)},
     {gcd_neg, gcd(-48, 18)},
     {digits, ndigits(pow(7, 200), 0)}].

ndigits(0, N) -> N;
ndigits(X, N) -> ndigits(X div 10, N + 1).
