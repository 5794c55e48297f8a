%% element/2, setelement/3, tuple_size/1 and their badarg cases.
-module(bif_element_setelement).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    T = id({a, b, c}),
    [{element, [element(I, T) || I <- [1, 2, 3]]},
     {set, setelement(1, T, x), setelement(3, T, [z]), T},
     {size, tuple_size(T), tuple_size({}), size(T)},
     {el_0, t(fun() -> element(id(0), T) end)},
     {el_4, t(fun() -> element(id(4), T) end)},
     {el_neg, t(fun() -> element(id(-1), T) end)},
     {el_atom, t(fun() -> element(id(a), T) end)},
     {el_nontuple, t(fun() -> element(1, id([a])) end)},
     {el_big, t(fun() -> element(id(1 bsl 70), T) end)},
     {set_0, t(fun() -> setelement(id(0), T, x) end)},
     {set_4, t(fun() -> setelement(id(4), T, x) end)},
     {set_nontuple, t(fun() -> setelement(1, id(a), x) end)},
     {size_list, t(fun() -> tuple_size(id([1])) end)},
     {guard, [g(X) || X <- [{1}, {1, 2}, {}, [1], a]]},
     {chain, setelement(2, setelement(1, erlang:make_tuple(3, 0), 1), 2)}].

g(X) when element(1, X) =:= 1 -> first_is_1;
g(X) when tuple_size(X) >= 0 -> tuple;
g(_) -> other.

id(X) -> X.
