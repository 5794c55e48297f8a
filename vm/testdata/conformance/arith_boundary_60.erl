%% Arithmetic around 2^59/2^60 (small-int boundary on 64-bit BEAM).
-module(arith_boundary_60).
-export([start/0]).

start() ->
    A = id(1 bsl 59), B = id(1 bsl 60),
    [{a, A}, {a_m1, A - 1}, {a_neg, -A}, {a_neg_m1, -A - 1},
     {b, B}, {b_m1, B - 1}, {b_p1, B + 1}, {neg_b, -B}, {neg_b_m1, -B - 1},
     {a_plus_a, A + A}, {a2_minus_a, (A + A) - A},
     {dbl, (A - 1) * 2}, {dbl_p2, (A - 1) * 2 + 2},
     {back, (B + 1) - 2},
     {div_back, (B * 4) div 4 =:= B},
     {is_int, is_integer(B + B)},
     {cmp, [B > A, -B < -A, B - 1 < B, B + 1 > B]},
     {eq, (A + A) =:= B},
     {mul_neg, -A * 2}, {mul_neg2, -A * -2},
     {neg_min, -(-A)}, {min_times_neg1, (-A) * -1}, {abs_min, abs(-A)},
     {min_bsr, (-A) bsr 1}, {min_band, (-A) band -1}, {min_bnot, bnot (-A)}].

id(X) -> X.
