%% Tuple construction, element/setelement/tuple_size, append_element, errors.
-module(tuple_basic).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

ex(F) -> try F() catch C:R -> {C, R} end.

mk(A, B, C) -> {A, B, C, {A, B}, []}.

start() ->
    T = mk(1, two, "three"),
    [{t, T},
     {size, tuple_size(T), tuple_size({}), size({a})},
     {element, element(1, T), element(4, T), element(5, T)},
     {setelement, setelement(2, T, 2), setelement(1, {x}, y)},
     {append, erlang:append_element({1, 2}, 3), erlang:append_element({}, a)},
     {make_tuple, erlang:make_tuple(3, z), erlang:make_tuple(4, 0, [{2, a}, {4, b}])},
     {bad_element, ex(fun() -> element(6, T) end), ex(fun() -> element(0, T) end)},
     {bad_element2, ex(fun() -> element(1, [a]) end)},
     {bad_setelement, ex(fun() -> setelement(9, T, x) end)},
     {bad_size, ex(fun() -> tuple_size([1]) end)},
     {cmp, {1, 2} < {1, 3}, {2} < {1, 1}, {} < {0}, {1, 2} == {1.0, 2}},
     {is_tuple, is_tuple(T), is_tuple([T]), is_tuple({})},
     {nested, element(1, element(4, T))},
     {list_conv, tuple_to_list(T), list_to_tuple([])}].
