%% gb_sets (Erlang in avm's bundled stdlib): every export, the exact tree
%% shapes of inserts and set operations (which way each operation goes
%% shows in the shape), which of two equal elements (1, 1.0) survives,
%% and the error reasons.
-module(stdlib_gb_sets).
-export([start/0]).

err(F) -> try F() catch error:R -> {error, R} end.

scrambled(N, Mul) ->
    lists:foldl(fun(I, S) -> gb_sets:add((I * Mul) rem N, S) end, gb_sets:new(), lists:seq(0, N - 1)).

walk(Iter) ->
    case gb_sets:next(Iter) of
        none -> [];
        {X, Iter1} -> [X | walk(Iter1)]
    end.

start() ->
    E = gb_sets:empty(),
    S = gb_sets:from_list([5, 3, 9, 1, 7, 3]),
    Small = gb_sets:from_list([2, 4.0, 6, 8, 10]),
    Mid = scrambled(40, 7),
    Big = scrambled(300, 11),
    Floats = gb_sets:from_list([float(X) || X <- lists:seq(0, 60, 3)]),
    [{empty, E, gb_sets:new(), gb_sets:is_empty(E), gb_sets:is_empty(S), gb_sets:size(S), gb_sets:size(E)},
     {from_list, S, gb_sets:from_list([]), gb_sets:from_list([1, 1.0, 2]), gb_sets:from_list([1.0, 1])},
     {from_ordset, gb_sets:from_ordset([a, b, c, d, e, f])},
     {singleton, gb_sets:singleton(x)},
     {insert, gb_sets:insert(4, S), err(fun() -> gb_sets:insert(3, S) end), err(fun() -> gb_sets:insert(3.0, S) end)},
     {add, gb_sets:add(4, S), gb_sets:add(3, S), gb_sets:add_element(3.0, S), gb_sets:add_element(0, E)},
     {scrambled, Mid, gb_sets:size(Big), erlang:phash2(Big)},
     {member, gb_sets:is_member(3, S), gb_sets:is_member(4, S), gb_sets:is_element(3.0, S), gb_sets:is_element(x, E)},
     {delete, gb_sets:delete(5, S), err(fun() -> gb_sets:delete(4, S) end), gb_sets:delete_any(4, S),
      gb_sets:del_element(1, S), lists:foldl(fun gb_sets:delete/2, Mid, lists:seq(0, 39, 2))},
     {balance, gb_sets:balance(Mid), gb_sets:balance(E)},
     {to_list, gb_sets:to_list(S), gb_sets:to_list(E)},
     {union, gb_sets:union(S, Small), gb_sets:union(Small, S), gb_sets:union(S, Mid), gb_sets:union(Floats, Mid),
      gb_sets:union(Mid, Floats), erlang:phash2(gb_sets:union(Floats, Big)), erlang:phash2(gb_sets:union(Big, Mid)),
      gb_sets:union(E, S), gb_sets:union(S, E)},
     {union_list, gb_sets:union([]), gb_sets:union([S]), gb_sets:union([S, Small, Floats])},
     {intersection, gb_sets:intersection(S, Small), gb_sets:intersection(Floats, Mid), gb_sets:intersection(Mid, Floats),
      gb_sets:intersection(Floats, Big), gb_sets:intersection([Mid, Floats, Big]), gb_sets:intersection([S]),
      err(fun() -> gb_sets:intersection([]) end)},
     {difference, gb_sets:difference(Mid, Floats), gb_sets:subtract(Floats, Mid), gb_sets:difference(Floats, Big),
      gb_sets:difference(S, E), gb_sets:difference(E, S)},
     {is_subset, gb_sets:is_subset(S, Big), gb_sets:is_subset(Big, S), gb_sets:is_subset(E, S),
      gb_sets:is_subset(Floats, Big), gb_sets:is_subset(S, S)},
     {is_disjoint, gb_sets:is_disjoint(S, Small), gb_sets:is_disjoint(S, Mid), gb_sets:is_disjoint(E, S),
      gb_sets:is_disjoint(gb_sets:from_list([1000]), Big)},
     {is_set, gb_sets:is_set(S), gb_sets:is_set(E), gb_sets:is_set({1, nil}), gb_sets:is_set(x), gb_sets:is_set({-1, {a, nil, nil}})},
     {fold, gb_sets:fold(fun(X, Acc) -> [X | Acc] end, [], S), gb_sets:fold(fun(X, Acc) -> X + Acc end, 0, Mid)},
     {filter, gb_sets:filter(fun(X) -> X rem 3 =:= 0 end, Mid), gb_sets:filter(fun(_) -> false end, S)},
     {ends, gb_sets:smallest(S), gb_sets:largest(S), err(fun() -> gb_sets:smallest(E) end),
      err(fun() -> gb_sets:largest(E) end)},
     {take, gb_sets:take_smallest(S), gb_sets:take_largest(S), err(fun() -> gb_sets:take_smallest(E) end),
      err(fun() -> gb_sets:take_largest(E) end)},
     {iterator, walk(gb_sets:iterator(S)), walk(gb_sets:iterator(E)), gb_sets:next(gb_sets:iterator(E))},
     {iterator_from, walk(gb_sets:iterator_from(4, S)), walk(gb_sets:iterator_from(5, S)),
      walk(gb_sets:iterator_from(10, S)), walk(gb_sets:iterator_from(33, Mid))},
     {bad, err(fun() -> gb_sets:fold(x, 0, S) end), err(fun() -> gb_sets:filter(x, S) end)}].
