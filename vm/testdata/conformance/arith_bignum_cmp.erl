%% Comparisons of bignums with small ints, floats and each other.
-module(arith_bignum_cmp).
-export([start/0]).

start() ->
    B = id(1 bsl 70), NB = id(-(1 bsl 70)),
    [{gt_small, B > 5}, {lt_small, NB < -5},
     {neg_lt_pos, NB < B},
     {gt_float, B > 1.0e20}, {lt_float, B < 1.0e22},
     {eq_float, B == 1180591620717411303424.0},
     {exact_float, B =:= 1180591620717411303424.0},
     {neq_float, (B + 1) == 1180591620717411303424.0},
     {cmp_float_gt, (B + 1) > 1180591620717411303424.0},
     {big_vs_big, (1 bsl 100) > (1 bsl 99)},
     {neg_big_vs_big, -(1 bsl 100) < -(1 bsl 99)},
     {eq, (1 bsl 80) =:= (1 bsl 40) * (1 bsl 40)},
     {ne, (1 bsl 80) =/= (1 bsl 80) + 1},
     {max, max(B, 3.0)}, {min, min(NB, -1.0e30)},
     {vs_atom, B < a},
     {float_huge, 1.0e300 > (1 bsl 900)},
     {float_huge2, 1.0e300 < (1 bsl 1000)}].

id(X) -> X.
