%% Division by zero and other badarith cases.
-module(arith_div_zero).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Z = id(0), Zf = id(0.0), A = id(foo),
    [{idiv, t(fun() -> 1 div Z end)},
     {irem, t(fun() -> 1 rem Z end)},
     {fdiv_int, t(fun() -> 1 / Z end)},
     {fdiv_float, t(fun() -> 1.0 / Zf end)},
     {fdiv_zero_zero, t(fun() -> 0.0 / Zf end)},
     {atom_add, t(fun() -> A + 1 end)},
     {atom_neg, t(fun() -> -A end)},
     {float_div, t(fun() -> 1.5 div id(2) end)},
     {float_rem, t(fun() -> 5 rem id(2.0) end)},
     {list_mul, t(fun() -> id([1]) * 2 end)},
     {band_float, t(fun() -> id(1.0) band 1 end)},
     {bsl_float, t(fun() -> 1 bsl id(1.0) end)},
     {bnot_atom, t(fun() -> bnot A end)},
     {big_div_zero, t(fun() -> (1 bsl 100) div Z end)},
     {catch_form, case catch 10 div Z of {'EXIT', {R, _}} -> {'EXIT', R}; V -> V end}].

id(X) -> X.
