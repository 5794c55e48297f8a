%% Tail-recursive integer arithmetic: Collatz chain lengths and Euclid's
%% gcd, i.e. div, rem, band, bsr, multiplication and guards in tight loops.
-module(bench_arith).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(100, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() -> chains(1, 3000, 0) + gcds(1, 3000, 0).

chains(N, Max, Acc) when N > Max -> Acc;
chains(N, Max, Acc) -> chains(N + 1, Max, Acc + collatz(N, 0)).

collatz(1, Steps) -> Steps;
collatz(N, Steps) when N band 1 =:= 0 -> collatz(N bsr 1, Steps + 1);
collatz(N, Steps) -> collatz(3 * N + 1, Steps + 1).

gcds(N, Max, Acc) when N > Max -> Acc;
gcds(N, Max, Acc) -> gcds(N + 1, Max, Acc + gcd(N * 7919, (N * 104729) rem 65521 + 1)).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).
