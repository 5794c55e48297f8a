%% Integer addition and subtraction with negative operands and zero.
-module(arith_add_sub_neg).
-export([start/0]).

start() ->
    L = [-7, -1, 0, 1, 7],
    [{add, [{A, B, A + B} || A <- L, B <- L]},
     {sub, [{A, B, A - B} || A <- L, B <- L]},
     {neg_neg, - -5},
     {plus_neg, + -5},
     {chain, 1 - 2 - 3 - 4},
     {assoc, 1 - (2 - 3)},
     {mixed, -3 + 10 - -2}].
