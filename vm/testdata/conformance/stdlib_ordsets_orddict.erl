%% stdlib_ordsets_orddict: ordsets and orddict, as Elixir's GenEvent,
%% Macro.Env and Exception use them, with mixed integer/float keys (==).
-module(stdlib_ordsets_orddict).
-export([start/0]).

start() ->
    S1 = ordsets:from_list([c, a, b, a, 3, 1.0, 1]),
    S2 = ordsets:from_list([b, d, 2, 1]),
    D1 = orddict:from_list([{b, 2}, {a, 1}, {c, 3}, {a, 10}, {1, one}, {1.0, uno}]),
    D2 = orddict:from_list([{b, 20}, {d, 4}]),
    [{os_from_list, S1},
     {os_is_set, [ordsets:is_set(S1), ordsets:is_set([b, a]), ordsets:is_set([a, a]), ordsets:is_set(x), ordsets:is_set([])]},
     {os_size, [ordsets:size(S1), ordsets:is_empty(S1), ordsets:is_empty(ordsets:new())]},
     {os_is_element, [ordsets:is_element(E, S1) || E <- [a, z, 1, 1.0, 3.0, 0]]},
     {os_add, [ordsets:add_element(E, S1) || E <- [0, b, zz, 2.0]]},
     {os_del, [ordsets:del_element(E, S1) || E <- [a, 1, zz, 3]]},
     {os_union, [ordsets:union(S1, S2), ordsets:union([S1, S2, [e]]), ordsets:union([])]},
     {os_intersection, [ordsets:intersection(S1, S2), ordsets:intersection([S1, S2, [b]]), ordsets:intersection([S1])]},
     {os_intersection_empty, catch_error(fun() -> ordsets:intersection([]) end)},
     {os_disjoint, [ordsets:is_disjoint(S1, S2), ordsets:is_disjoint([a], [b]), ordsets:is_disjoint([], S1)]},
     {os_subtract, [ordsets:subtract(S1, S2), ordsets:subtract(S2, S1), ordsets:subtract([], S1)]},
     {os_subset, [ordsets:is_subset([a, b], S1), ordsets:is_subset([a, z], S1), ordsets:is_subset([], []), ordsets:is_subset([a], [])]},
     {os_fold, ordsets:fold(fun(E, Acc) -> [E | Acc] end, [], S1)},
     {os_filter, ordsets:filter(fun is_atom/1, S1)},
     {od_from_list, D1},
     {od_find, [orddict:find(K, D1) || K <- [a, z, 1, 1.0]]},
     {od_fetch, [orddict:fetch(a, D1), catch_error(fun() -> orddict:fetch(z, D1) end)]},
     {od_is_key, [orddict:is_key(K, D1) || K <- [a, z, 1.0]]},
     {od_keys, orddict:fetch_keys(D1)},
     {od_size, [orddict:size(D1), orddict:is_empty(D1), orddict:is_empty(orddict:new())]},
     {od_store, [orddict:store(K, new, D1) || K <- [0, b, zz]]},
     {od_erase, [orddict:erase(K, D1) || K <- [a, z, 1]]},
     {od_take, [orddict:take(K, D1) || K <- [b, z]]},
     {od_append, [orddict:append(a, x, orddict:from_list([{a, [w]}])), orddict:append(b, x, orddict:from_list([{a, []}, {c, [y]}])),
                  orddict:append_list(a, [x, y], orddict:from_list([{a, [w]}])), orddict:append_list(zz, [x], D1)]},
     {od_update, [orddict:update(a, fun(V) -> V * 2 end, D1), catch_error(fun() -> orddict:update(z, fun(V) -> V end, D1) end),
                  orddict:update(z, fun(V) -> V end, 0, D1), orddict:update(c, fun(V) -> V + 1 end, 0, D1)]},
     {od_update_counter, [orddict:update_counter(a, 5, D1), orddict:update_counter(zz, 5, D1)]},
     {od_fold, orddict:fold(fun(K, V, Acc) -> [{V, K} | Acc] end, [], D1)},
     {od_map, orddict:map(fun(K, V) -> {K, V} end, D2)},
     {od_filter, orddict:filter(fun(K, _) -> is_atom(K) end, D1)},
     {od_merge, orddict:merge(fun(_K, V1, V2) -> V1 + V2 end, orddict:from_list([{a, 1}, {b, 2}]), D2)},
     {od_to_list, orddict:to_list(D2)}].

catch_error(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R -> {error, R}
    end.
