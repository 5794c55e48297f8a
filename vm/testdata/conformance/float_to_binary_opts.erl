%% float_to_binary/2 with option combinations and last-option-wins rules.
-module(float_to_binary_opts).
-export([start/0]).

t(F, O) -> try float_to_binary(F, O) catch C:R -> {C, R} end.

start() ->
    F = id(1234.5678),
    [{empty, t(F, [])},
     {dec3, t(F, [{decimals, 3}])},
     {dec0, t(F, [{decimals, 0}])},
     {dec_compact, t(12.5, [{decimals, 6}, compact])},
     {compact_first, t(12.5, [compact, {decimals, 6}])},
     {sci2, t(F, [{scientific, 2}])},
     {dec_then_sci, t(F, [{decimals, 2}, {scientific, 2}])},
     {sci_then_dec, t(F, [{scientific, 2}, {decimals, 2}])},
     {short, t(F, [short])},
     {neg_dec, t(-F, [{decimals, 1}])},
     {round_half, [t(X, [{decimals, 1}]) || X <- [0.05, 0.15, 0.25, 0.35, 0.45]]},
     {big_dec, t(1.0e20, [{decimals, 2}])},
     {dec253, byte_size(t(0.1, [{decimals, 253}]))},
     {dec254, t(0.1, [{decimals, 254}])},
     {sci_big, t(0.1, [{scientific, 249}]) =:= t(0.1, [{scientific, 249}])},
     {bad_opt, t(F, [bogus])},
     {bad_arg, t(id(1), [])},
     {bad_list, t(F, id(notalist))}].

id(X) -> X.
