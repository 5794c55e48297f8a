%% gb_trees (Erlang in avm's bundled stdlib): every export, the exact tree
%% shapes that inserts, rebalancing and deletes leave (programs print and
%% compare them), iteration order and the error reasons.
-module(stdlib_gb_trees).
-export([start/0]).

err(F) -> try F() catch error:R -> {error, R} end.

%% A tree built by N inserts in a scrambled order, so that some paths grow
%% too deep and get rebuilt.
scrambled(N) ->
    lists:foldl(fun(I, T) -> gb_trees:insert((I * 37) rem N, I, T) end,
                gb_trees:empty(), lists:seq(0, N - 1)).

ascending(N) ->
    lists:foldl(fun(I, T) -> gb_trees:insert(I, I * I, T) end, gb_trees:empty(), lists:seq(1, N)).

walk(Iter) ->
    case gb_trees:next(Iter) of
        none -> [];
        {K, V, Iter1} -> [{K, V} | walk(Iter1)]
    end.

start() ->
    E = gb_trees:empty(),
    T = gb_trees:from_orddict([{a, 1}, {b, 2}, {c, 3}, {d, 4}, {e, 5}]),
    A20 = ascending(20),
    S = scrambled(41),
    Big = scrambled(997),
    [{empty, E, gb_trees:is_empty(E), gb_trees:is_empty(T), gb_trees:size(E), gb_trees:size(T)},
     {from_orddict, T, gb_trees:from_orddict([]), gb_trees:from_orddict([{x, 1}, {y, 2}])},
     {ascending, A20},
     {descending, lists:foldl(fun(I, Acc) -> gb_trees:insert(I, x, Acc) end, E, lists:seq(12, 1, -1))},
     {scrambled, S},
     {big, gb_trees:size(Big), erlang:phash2(Big), gb_trees:keys(Big) =:= lists:seq(0, 996)},
     {insert_exists, err(fun() -> gb_trees:insert(c, 9, T) end), err(fun() -> gb_trees:insert(1, 9, {x, nil}) end)},
     {lookup, gb_trees:lookup(c, T), gb_trees:lookup(z, T), gb_trees:lookup(1, E),
      gb_trees:lookup(2.0, ascending(3))},
     {get, gb_trees:get(d, T), err(fun() -> gb_trees:get(z, T) end)},
     {is_defined, gb_trees:is_defined(a, T), gb_trees:is_defined(z, T), gb_trees:is_defined(1.0, ascending(2))},
     {update, gb_trees:update(b, 20, T), gb_trees:update(1.0, one, ascending(2)),
      err(fun() -> gb_trees:update(z, 0, T) end)},
     {enter, gb_trees:enter(b, 22, T), gb_trees:enter(f, 6, T), gb_trees:enter(0, 0, E)},
     {delete, gb_trees:delete(c, T), gb_trees:delete(a, T), gb_trees:delete(1, ascending(1)),
      err(fun() -> gb_trees:delete(z, T) end)},
     {delete_any, gb_trees:delete_any(c, T), gb_trees:delete_any(z, T)},
     {delete_many, lists:foldl(fun gb_trees:delete/2, S, lists:seq(0, 40, 3))},
     {take, gb_trees:take(b, T), err(fun() -> gb_trees:take(z, T) end)},
     {take_any, gb_trees:take_any(e, T), gb_trees:take_any(z, T)},
     {balance, gb_trees:balance(A20), gb_trees:balance(E), gb_trees:balance(S)},
     {lists, gb_trees:keys(T), gb_trees:values(T), gb_trees:to_list(T), gb_trees:to_list(E)},
     {smallest, gb_trees:smallest(S), gb_trees:largest(S), err(fun() -> gb_trees:smallest(E) end),
      err(fun() -> gb_trees:largest(E) end)},
     {take_smallest, gb_trees:take_smallest(T), gb_trees:take_largest(T),
      err(fun() -> gb_trees:take_smallest(E) end), err(fun() -> gb_trees:take_largest(E) end)},
     {iterator, walk(gb_trees:iterator(T)), walk(gb_trees:iterator(E)),
      gb_trees:next(gb_trees:iterator(E))},
     {iterator_from, walk(gb_trees:iterator_from(c, T)),
      walk(gb_trees:iterator_from(bb, T)), walk(gb_trees:iterator_from(z, T)),
      [element(1, KV) || KV <- walk(gb_trees:iterator_from(30, S))]},
     {map, gb_trees:map(fun(K, V) -> {K, V * 10} end, T), gb_trees:map(fun(_, V) -> V end, E)},
     {mixed_keys, gb_trees:to_list(lists:foldl(fun(K, Acc) -> gb_trees:enter(K, K, Acc) end, E,
                                               [3, 1.5, "s", a, {t}, [], 2, <<"b">>, 1.0, 1]))},
     {bad, err(fun() -> gb_trees:size(x) end), err(fun() -> gb_trees:map(x, T) end)}].
