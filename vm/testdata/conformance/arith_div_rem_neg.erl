%% div and rem with all sign combinations (truncating division).
-module(arith_div_rem_neg).
-export([start/0]).

start() ->
    P = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {6, 3}, {-6, 3}, {1, 5}, {-1, 5},
         {0, 3}, {0, -3}, {5, 1}, {5, -1}, {-5, -1},
         %% quotient overflows the small-integer range
         {-(1 bsl 59), -1}, {-(1 bsl 63), -1}, {(1 bsl 59) - 1, -1},
         {-(1 bsl 59), 1}, {-(1 bsl 59), 3}, {1 bsl 64, -(1 bsl 32)},
         {-(1 bsl 64) - 1, 1 bsl 32}, {12345, 1 bsl 70}, {-12345, 1 bsl 70}],
    [{A, B, A div B, A rem B, (A div B) * B + A rem B =:= A} || {A, B} <- P].
