%% badarg cases for float_to_list/1,2 and float_to_binary/1,2.
-module(float_to_list_errors).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    [{int, t(fun() -> float_to_list(id(1)) end)},
     {atom, t(fun() -> float_to_binary(id(a)) end)},
     {neg_dec, t(fun() -> float_to_list(1.0, [{decimals, id(-1)}]) end)},
     {big_dec, t(fun() -> float_to_list(1.0, [{decimals, id(300)}]) end)},
     {bad_opt, t(fun() -> float_to_list(1.0, [id(compactt)]) end)},
     {improper, t(fun() -> float_to_list(1.0, [compact | id(x)]) end)},
     {dec_float, t(fun() -> float_to_list(1.0, [{decimals, id(2.0)}]) end)},
     {ok_case, t(fun() -> float_to_list(id(2.0), [{decimals, 1}]) end)}].

id(X) -> X.
