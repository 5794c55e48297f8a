%% binary_part/2,3 with positive and negative lengths, and out-of-range errors.
-module(bif_binary_part).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    B = id(<<"0123456789">>),
    [{parts, binary_part(B, 0, 3), binary_part(B, 7, 3), binary_part(B, {2, 4}),
      binary_part(B, 10, 0), binary_part(B, 0, 10)},
     {neg_len, binary_part(B, 5, -2), binary_part(B, {10, -10}), binary_part(B, 3, -3)},
     {oob, t(fun() -> binary_part(B, id(8), 3) end)},
     {oob_neg, t(fun() -> binary_part(B, id(1), -2) end)},
     {neg_start, t(fun() -> binary_part(B, id(-1), 1) end)},
     {start_past, t(fun() -> binary_part(B, id(11), 0) end)},
     {bits, t(fun() -> binary_part(id(<<1:12>>), 0, 1) end)},
     {bad_tuple, t(fun() -> binary_part(B, id({1, 2, 3})) end)},
     {guard, [g(X) || X <- [<<"ab">>, <<"abc">>, <<"xbc">>, <<"a">>, abc]]}].

g(X) when binary_part(X, 0, 2) =:= <<"ab">> -> ab_prefix;
g(X) when byte_size(X) >= 2 -> other_bin;
g(_) -> no.

id(X) -> X.
