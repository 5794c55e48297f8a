%% Float overflow raises badarith instead of producing inf.
-module(arith_float_overflow).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Big = id(1.0e308), Huge = id(1 bsl 1100),
    [{mul, t(fun() -> Big * 10.0 end)},
     {add, t(fun() -> Big + Big end)},
     {sub, t(fun() -> -Big - Big end)},
     {div_small, t(fun() -> Big / 1.0e-10 end)},
     {int_to_float_big, t(fun() -> Huge + 1.0 end)},
     {float_fn, t(fun() -> float(Huge) end)},
     {cmp_ok, Huge > Big},
     {ok_max, t(fun() -> 1.7976931348623157e308 * 1.0 end)},
     {underflow, t(fun() -> 1.0e-308 / 1.0e100 end)}].

id(X) -> X.
