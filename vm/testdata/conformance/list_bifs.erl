%% List-related erlang BIFs: length, hd, tl, element of lists, list_to_tuple, etc.
-module(list_bifs).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

err({'EXIT', {R, _}}) -> {'EXIT', R};
err(V) -> V.

start() ->
    L = [a, b, c, d],
    [{length, length(L), length([]), err(catch length(x))},
     {to_tuple, list_to_tuple(L), tuple_to_list({1, 2, 3})},
     {atom, atom_to_list(abc), list_to_atom("x y")},
     {binary, list_to_binary([1, [2, <<3>>], 4]), binary_to_list(<<"hi">>)},
     {iolist, iolist_size([<<1, 2>>, [3, [4]], 5]), iolist_to_binary(["ab", $c, <<"d">>])},
     {bad_iolist, err(catch list_to_binary([256]))},
     {float, list_to_float("2.5"), err(catch list_to_float("2"))},
     {integer, list_to_integer("123"), err(catch list_to_integer("12a"))},
     {integer_base, list_to_integer("-zz", 36), integer_to_list(35, 36)},
     {erlang_append, erlang:append([1], [2]), erlang:'++'([x], [y]), erlang:'--'([1, 2], [1])},
     {is_list, is_list(L), is_list({}), is_list("")},
     {max_min, max([1], [0, 1]), min("ab", "b")},
     {split_binary, split_binary(<<1, 2, 3>>, 1)},
     {member_guard, [X || X <- L, X =/= b]},
     {nested_len, length([[1, 2], [3]])}].
