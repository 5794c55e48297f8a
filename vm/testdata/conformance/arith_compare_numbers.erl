%% Numeric comparison operators across ints and floats.
-module(arith_compare_numbers).
-export([start/0]).

start() ->
    Ps = [{1, 1.0}, {1, 2}, {2.5, 2}, {-1, -1.0}, {0, 0.0}, {1 bsl 60, 1.0e18},
          {(1 bsl 53) + 1, 9007199254740992.0}],
    [{A, B, A < B, A =< B, A > B, A >= B, A == B, A /= B, A =:= B, A =/= B}
     || {A, B} <- Ps].
