%% bsl/bsr with positive, negative and large shift counts.
-module(arith_bsl_bsr).
-export([start/0]).

start() ->
    X = id(5), N = id(-5), One = id(1),
    [{'bsl', [X bsl S || S <- [0, 1, 10, 58, 59, 60, 61, 63, 64, 100]]},
     {nbsl, [N bsl S || S <- [0, 1, 59, 60, 64]]},
     {'bsr', [1000 bsr S || S <- [0, 1, 3, 9, 10, 64, 200]]},
     {nbsr, [-1000 bsr S || S <- [0, 1, 3, 9, 10, 11, 64, 200]]},
     {neg_count_bsl, X bsl -1, 1024 bsl -3},
     {neg_count_bsr, X bsr -2, -1 bsr -3},
     {big_bsr, (One bsl 200) bsr 190, (One bsl 200) bsr 300},
     {negbig_bsr, -(One bsl 200) bsr 190, -(One bsl 200) bsr 300},
     {neg_one_bsr, -1 bsr 1, -1 bsr 1000},
     {zero_shift, 0 bsl 1000, 0 bsr 5},
     {round_trip, ((One bsl 100) + 12345) bsr 100}].

id(X) -> X.
