%% min/max when operands compare equal but differ in type (1 vs 1.0).
%% otpdiff: OTP 25 returns the first argument; min/max became guard BIFs
%% with new JIT code in OTP 26, so the chosen operand may differ by release.
-module(arith_otpdiff_minmax_equal).
-export([start/0]).

start() ->
    Ps = [{1, 1.0}, {1.0, 1}, {-5, -5.0}, {1 bsl 70, float(1 bsl 70)}],
    [{A, B, min(A, B), max(A, B)} || {A, B} <- id(Ps)].

id(X) -> X.
