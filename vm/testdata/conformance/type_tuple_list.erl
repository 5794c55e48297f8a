%% is_list/is_tuple on proper, improper, nested lists and tuples of all sizes.
-module(type_tuple_list).
-export([start/0]).

proper([]) -> true;
proper([_ | T]) -> proper(T);
proper(_) -> false.

start() ->
    Ls = [[], [a], [a | b], [[]], "s", [1, 2 | 3], [1 | []]],
    Ts = [{}, {a}, {a, b}, list_to_tuple(mk(300)), {{}}, erlang:make_tuple(2, x)],
    [{lists, [{is_list(L), proper(L)} || L <- Ls]},
     {tuples, [{is_tuple(T), tuple_size(T)} || T <- Ts]},
     {others, [{is_list(X), is_tuple(X)} || X <- [a, 1, <<>>, #{}, 2.0]]},
     {length_improper, try length(id([1, 2 | 3])) catch C:R -> {C, R} end}].

mk(0) -> [];
mk(N) -> [N | mk(N - 1)].

id(X) -> X.
