%% ets matching: match/2, match_object/2, match_delete/2 and select/2 over
%% set, ordered_set, bag and duplicate_bag tables. Results from tables
%% other than ordered_set come in hash order on OTP: they are sorted here.
-module(ets_match).
-export([start/0]).

err(F) -> try F() catch C:R -> {C, R} end.

fill(Type) ->
    T = ets:new(t, [Type, public]),
    ets:insert(T, [{k1, a, 1}, {k2, b, 2}, {k3, a, 3}, {k4, c, 4}, {k5, a, 5}]),
    T.

sorted(L) when is_list(L) -> lists:sort(L);
sorted(X) -> X.

per_type(Type) ->
    T = fill(Type),
    S = fun(X) -> case Type of ordered_set -> X; _ -> sorted(X) end end,
    R = [{match, S(ets:match(T, {'$1', a, '$2'}))},
         {match_all_vars, S(ets:match(T, {'_', '$2', '$1'}))},
         {match_none, ets:match(T, {'$1', z, '_'})},
         {match_key, ets:match(T, {k3, '$1', '$2'})},
         {match_repeat, S(ets:match(T, {'$1', '_', '$1'}))},
         {match_short, ets:match(T, {'$1'})},
         {match_object, S(ets:match_object(T, {'_', a, '_'}))},
         {match_object_all, S(ets:match_object(T, '_'))},
         {match_object_key, ets:match_object(T, {k2, '_', '_'})},
         {select, S(ets:select(T, [{{'$1', '$2', '$3'}, [{'>', '$3', 2}], ['$1']}]))},
         {select_multi, S(ets:select(T, [{{'$1', a, '$3'}, [{'<', '$3', 3}], [{{low, '$1'}}]},
                                         {{'$1', a, '_'}, [], [{{high, '$1'}}]},
                                         {{'$1', c, '_'}, [], ['$_']}]))},
         {select_count, ets:select_count(T, [{{'_', a, '$1'}, [{'>=', '$1', 3}], [true]}])},
         {select_count_nontrue, ets:select_count(T, [{{'_', '_', '$1'}, [], ['$1']}])},
         {match_delete, ets:match_delete(T, {'_', a, 1}), S(ets:tab2list(T))},
         {select_delete, ets:select_delete(T, [{{'_', '_', '$1'}, [{'>', '$1', 4}], [true]}]), S(ets:tab2list(T))},
         {info, ets:info(T, size), ets:info(T, type)}],
    ets:delete(T),
    {Type, R}.

bags() ->
    B = ets:new(b, [bag]),
    D = ets:new(d, [duplicate_bag]),
    Objs = [{x, 1}, {x, 2}, {x, 1}, {y, 1}, {y, 3}],
    ets:insert(B, Objs), ets:insert(D, Objs),
    [{bag_lookup, lists:sort(ets:lookup(B, x)), lists:sort(ets:lookup(D, x))},
     {bag_size, ets:info(B, size), ets:info(D, size)},
     {bag_match, lists:sort(ets:match(B, {x, '$1'})), lists:sort(ets:match(D, {x, '$1'}))},
     {bag_select, lists:sort(ets:select(D, [{{'$1', 1}, [], ['$1']}]))},
     {bag_lookup_element, lists:sort(ets:lookup_element(D, y, 2))},
     {bag_delete_object, ets:delete_object(D, {x, 1}), lists:sort(ets:lookup(D, x))},
     {bag_match_delete, ets:match_delete(B, {'_', 1}), lists:sort(ets:tab2list(B))},
     {bag_select_delete, ets:select_delete(D, [{{y, '_'}, [], [true]}]), lists:sort(ets:tab2list(D))},
     {bag_take, lists:sort(ets:take(B, x)), ets:lookup(B, x)},
     {bag_insert_new, ets:insert_new(B, {y, 9}), ets:insert_new(B, {z, 9})},
     {bag_counter, err(fun() -> ets:update_counter(B, z, 1) end)},
     {bag_replace, err(fun() -> ets:select_replace(B, [{'$1', [], ['$1']}]) end)}].

%% An ordered_set tells keys apart by ==, the other types by =:=.
numeric_keys() ->
    O = ets:new(o, [ordered_set]),
    S = ets:new(s, [set]),
    Objs = [{1, a}, {1.0, b}, {{2, x}, c}, {{2.0, x}, d}, {#{k => 1}, e}, {#{k => 1.0}, f}, {3.0, g},
            {[4 | 5.0], h}, {[4.0 | 5], i}, {1.0e20, j}],
    ets:insert(O, Objs), ets:insert(S, Objs),
    [{ordered, ets:tab2list(O), ets:lookup(O, 1), ets:lookup(O, 3), ets:member(O, 100000000000000000000),
      ets:select(O, [{{1, '$1'}, [], ['$1']}]), ets:select(O, [{{1.0, '$1'}, [], ['$1']}]),
      ets:select(O, [{{'$1', '_'}, [{'==', '$1', 3}], ['$1']}]), ets:match_object(O, {{2, x}, '_'}),
      ets:next(O, 1), ets:prev(O, 3), ets:delete_object(O, {3, g}), ets:lookup(O, 3),
      ets:insert_new(O, {2.0, y}), ets:insert_new(O, {1, z}), ets:take(O, 2), ets:info(O, size)},
     {set, ets:info(S, size), lists:sort(ets:lookup(S, 1)), ets:lookup(S, 3), ets:select(S, [{{1, '$1'}, [], ['$1']}])}].

start() ->
    [per_type(set), per_type(ordered_set), per_type(bag), per_type(duplicate_bag), {numeric_keys, numeric_keys()}
     | bags()].
