%% list_to_float/1 on valid and invalid strings.
-module(float_list_to_float).
-export([start/0]).

t(S) -> try list_to_float(S) catch C:R -> {C, R} end.

start() ->
    Ss = ["1.0", "-1.0", "+1.0", "0.1", "1.5e3", "1.5E3", "1.5e+3", "1.5e-3",
          "2.5e300", "0.0", "-0.0e0", "123.456", "1.0e-320", "007.50",
          "1", "1.", ".5", "1e5", "abc", "", "1.0 ", " 1.0", "1.0e", "1.0x",
          "1,5", "--1.0", "1.0e400", "inf", "nan", [49, 46, 48 | foo], an_atom],
    [{S, t(S)} || S <- id(Ss)].

id(X) -> X.
