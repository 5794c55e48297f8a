%% binary_to_float/1 on valid and invalid binaries.
-module(float_binary_to_float).
-export([start/0]).

t(B) -> try binary_to_float(B) catch C:R -> {C, R} end.

start() ->
    Bs = [<<"1.0">>, <<"-2.5">>, <<"+0.5">>, <<"6.02e23">>, <<"6.02E-23">>,
          <<"1.7976931348623157e308">>, <<"4.9e-324">>, <<"3.0e0">>,
          <<"3">>, <<"3.">>, <<"e5">>, <<"1.0e1000">>, <<>>, <<"1.0", 0>>,
          <<"12.5abc">>, "1.0", <<1:1>>, 1.0],
    [{B, t(B)} || B <- id(Bs)].

id(X) -> X.
