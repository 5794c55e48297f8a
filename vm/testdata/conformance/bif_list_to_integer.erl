%% list_to_integer/1,2 on valid and invalid strings and bases.
-module(bif_list_to_integer).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    S1 = ["0", "123", "-123", "+12", "-0", "+0", "007", "1152921504606846976",
          "-9223372036854775809", "123456789012345678901234567890",
          "", "+", "-", "1.0", " 1", "1 ", "1_000", "12a", "--1", "abc", [49 | 50]],
    S2 = [{"ff", 16}, {"FF", 16}, {"-fF", 16}, {"777", 8}, {"z", 36}, {"Z", 36},
          {"101", 2}, {"2", 2}, {"zz", 35}, {"10", 37}, {"10", 1}, {"+1g", 17},
          {"123456789abcdefghijklmnopqrstuvwxyz", 36}],
    [{l2i, [{S, t(fun() -> list_to_integer(S) end)} || S <- id(S1)]},
     {l2i_base, [{S, B, t(fun() -> list_to_integer(S, B) end)} || {S, B} <- id(S2)]}].

id(X) -> X.
