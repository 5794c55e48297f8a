%% list_to_tuple/1 and tuple_to_list/1 round trips and errors.
-module(bif_tuple_list_conv).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    [{l2t, list_to_tuple([]), list_to_tuple([a]), list_to_tuple([1, [2], {3}])},
     {t2l, tuple_to_list({}), tuple_to_list({a, {b}, "c"})},
     {rt, tuple_to_list(list_to_tuple(id("hello"))) =:= "hello"},
     {l2t_improper, t(fun() -> list_to_tuple(id([a | b])) end)},
     {l2t_atom, t(fun() -> list_to_tuple(id(a)) end)},
     {t2l_list, t(fun() -> tuple_to_list(id([a])) end)},
     {big, tuple_size(list_to_tuple(seq(1, 5000)))}].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

id(X) -> X.
