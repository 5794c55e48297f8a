%% Repeated setelement on tuples (set_tuple_element after setelement), tuple as array.
-module(tuple_setelement_loop).
-export([start/0, fill/3, swap_ends/1, triple_set/1, incr_all/1]).

fill(T, I, _) when I > tuple_size(T) -> T;
fill(T, I, V) -> fill(setelement(I, T, V * I), I + 1, V).

swap_ends(T) ->
    A = element(1, T),
    Z = element(tuple_size(T), T),
    setelement(1, setelement(tuple_size(T), T, A), Z).

triple_set(T) ->
    T1 = setelement(3, T, c),
    T2 = setelement(2, T1, b),
    setelement(1, T2, a).

incr_all(T) -> list_to_tuple([X + 1 || X <- tuple_to_list(T)]).

start() ->
    T = erlang:make_tuple(8, 0),
    [{fill, fill(T, 1, 3)},
     {swap, swap_ends({1, 2, 3, 4})},
     {triple, triple_set({x, y, z, w})},
     {incr, incr_all({1, 2, 3})},
     {orig_unchanged, T}].
