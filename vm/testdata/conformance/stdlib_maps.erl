%% The maps module: primitives (natives) and the higher-order functions
%% (Erlang in avm's bundled stdlib), with their error reasons.
-module(stdlib_maps).
-export([start/0]).

err(F) -> try F() catch C:R -> {C, R} end.

start() ->
    M = #{a => 1, b => 2, c => 3},
    [{get, maps:get(a, M), maps:get(z, M, none), err(fun() -> maps:get(z, M) end),
      err(fun() -> maps:get(a, not_a_map) end)},
     {find, maps:find(b, M), maps:find(z, M)},
     {is_key, maps:is_key(c, M), maps:is_key(z, M)},
     {put, maps:put(d, 4, M), maps:put(a, 0, M)},
     {update, maps:update(a, 9, M), err(fun() -> maps:update(z, 1, M) end)},
     {remove, maps:remove(a, M), maps:remove(z, M)},
     {take, maps:take(a, M), maps:take(z, M)},
     {keys, maps:keys(M), maps:values(M), maps:to_list(M)},
     {from_list, maps:from_list([{x, 1}, {y, 2}, {x, 3}]), err(fun() -> maps:from_list([a]) end)},
     {from_keys, maps:from_keys([a, b], 0)},
     {size, maps:size(M), maps:size(#{}), maps:new()},
     {merge, maps:merge(M, #{a => 10, z => 26})},
     {fold, maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], M)},
     {map, maps:map(fun(_, V) -> V * 10 end, M)},
     {filter, maps:filter(fun(_, V) -> V rem 2 =:= 1 end, M)},
     {filtermap, maps:filtermap(fun(a, _) -> false; (_, V) when V > 2 -> {true, V * 2}; (_, _) -> true end, M)},
     {with, maps:with([a, c, z], M), maps:without([a, z], M)},
     {update_with, maps:update_with(a, fun(V) -> V + 100 end, M),
      maps:update_with(z, fun(V) -> V end, 0, M),
      err(fun() -> maps:update_with(z, fun(V) -> V end, M) end)},
     {iterator, iter(maps:next(maps:iterator(M)), [])},
     {intersect, maps:intersect(M, #{a => x, z => y}),
      maps:intersect_with(fun(K, A, B) -> {K, A, B} end, M, #{b => bee})},
     {merge_with, maps:merge_with(fun(_, A, B) -> A + B end, M, #{a => 5, q => 7})},
     {groups, maps:groups_from_list(fun(X) -> X rem 2 end, [1, 2, 3, 4, 5]),
      maps:groups_from_list(fun(X) -> X rem 2 end, fun(X) -> X * X end, [1, 2, 3])},
     {badmap, err(fun() -> maps:keys(x) end), err(fun() -> maps:fold(fun(_, _, A) -> A end, 0, x) end)}].

iter(none, Acc) -> lists_reverse(Acc, []);
iter({K, V, I}, Acc) -> iter(maps:next(I), [{K, V} | Acc]).

lists_reverse([], Acc) -> Acc;
lists_reverse([H | T], Acc) -> lists_reverse(T, [H | Acc]).
