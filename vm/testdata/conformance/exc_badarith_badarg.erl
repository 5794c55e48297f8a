%% badarith and badarg reasons from operators and BIFs, with classes.
-module(exc_badarith_badarg).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    A = id(a), Z = id(0),
    [{plus, t(fun() -> A + 1 end)},
     {minus_float, t(fun() -> 1.5 - A end)},
     {div0, t(fun() -> 5 div Z end)},
     {rem0, t(fun() -> 5 rem Z end)},
     {slash0, t(fun() -> 5 / Z end)},
     {bsl_atom, t(fun() -> A bsl 1 end)},
     {bnot_float, t(fun() -> bnot id(1.0) end)},
     {element, t(fun() -> element(5, id({1})) end)},
     {hd, t(fun() -> hd(id([])) end)},
     {atom_to_list, t(fun() -> atom_to_list(id(1)) end)},
     {list_to_atom, t(fun() -> list_to_atom(id(x)) end)},
     {tuple_size, t(fun() -> tuple_size(id([])) end)},
     {abs, t(fun() -> abs(A) end)},
     {float, t(fun() -> float(A) end)},
     {and_op, t(fun() -> A and true end)},
     {not_op, t(fun() -> not id(3) end)},
     {setelement, t(fun() -> setelement(0, id({}), x) end)},
     {binary_to_list, t(fun() -> binary_to_list(A) end)},
     {length, t(fun() -> length(id([a | b])) end)}].

id(X) -> X.
