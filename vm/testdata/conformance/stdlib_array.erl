%% array (Erlang in avm's bundled stdlib): every export and the error
%% reasons, seen through the API (view/1), which every release shares;
%% stdlib_array_otpdiff_shape prints the representation itself.
-module(stdlib_array).
-export([start/0]).

err(F) -> try F() catch error:R -> {error, R} end.

view(A) ->
    case array:is_array(A) of
        true -> {array:size(A), array:is_fix(A), array:default(A), array:sparse_to_orddict(A)};
        false -> A
    end.

start() ->
    E = array:new(),
    F = array:new(12, {default, 0}),
    L = array:from_list([a, b, c, d, e, f, g, h, i, j, k, l]),
    Far = array:set(150, far, array:set(3, near, E)),
    Pair = fun(I, V) -> {I, V} end,
    Acc = fun(I, V, A) -> [{I, V} | A] end,
    V = fun(A) -> view(A) end,
    [{new, V(E), V(array:new(fixed)), V(array:new(5)), V(array:new([{size, 25}, {fixed, false}, {default, 0}])),
      V(array:new({default, x})), V(array:new(0, [])), V(array:new(1000, [{fixed, false}])),
      err(fun() -> array:new(-1) end), err(fun() -> array:new([foo]) end), err(fun() -> array:new(a, []) end)},
     {is_array, array:is_array(E), array:is_array(F), array:is_array(x)},
     {size, array:size(E), array:size(F), array:size(Far), err(fun() -> array:size(x) end)},
     {default, array:default(E), array:default(F), err(fun() -> array:default(x) end)},
     {fix, V(array:fix(L)), array:is_fix(array:fix(L)), array:is_fix(L), array:is_fix(F), V(array:relax(F)),
      array:is_fix(array:relax(F)), err(fun() -> array:fix(x) end)},
     {set, V(array:set(0, x, E)), V(array:set(11, x, F)), V(array:set(25, y, E)), V(Far),
      V(array:set(5, z, array:set(1500, w, E))), err(fun() -> array:set(12, x, F) end),
      err(fun() -> array:set(-1, x, E) end), err(fun() -> array:set(a, x, E) end),
      V(array:set(20, x, array:relax(F)))},
     {get, array:get(3, Far), array:get(150, Far), array:get(151, Far), array:get(99999, Far), array:get(4, F),
      err(fun() -> array:get(12, F) end), err(fun() -> array:get(-1, E) end)},
     {reset, V(array:reset(3, Far)), V(array:reset(4, Far)), V(array:reset(500, Far)), V(array:reset(1, F)),
      err(fun() -> array:reset(12, F) end)},
     {resize, V(array:resize(5, Far)), V(array:resize(300, L)), V(array:resize(300, array:fix(L))), V(array:resize(Far)),
      V(array:resize(0, F)), array:get(299, array:resize(300, L)), err(fun() -> array:resize(-1, E) end)},
     {shrunk, V(array:set(5, x, array:resize(5, Far))), array:to_list(array:resize(5, Far))},
     {from_list, V(L), V(array:from_list([])), V(array:from_list(lists:seq(1, 10))), V(array:from_list(lists:seq(1, 11), z)),
      array:size(array:from_list(lists:seq(1, 1234))), array:to_list(array:from_list(lists:seq(1, 1234))) =:= lists:seq(1, 1234),
      err(fun() -> array:from_list(x) end), err(fun() -> array:from_list([a | b]) end)},
     {from_orddict, V(array:from_orddict([{0, a}, {35, b}])), V(array:from_orddict([{0, a}, {135, b}], q)),
      V(array:from_orddict([])), V(array:from_orddict([{9, a}, {20, b}])), V(array:from_orddict([{10, a}])),
      err(fun() -> array:from_orddict([{5, a}, {5, b}]) end),
      err(fun() -> array:from_orddict([{3, a}, {1, b}]) end), err(fun() -> array:from_orddict(x) end)},
     {lists, array:to_list(F), array:sparse_to_list(Far), array:to_orddict(L), array:sparse_to_orddict(Far),
      array:to_list(E), array:sparse_to_list(E)},
     {map, V(array:map(Pair, F)), V(array:map(Pair, array:new(25))), array:to_list(array:map(Pair, L)),
      V(array:sparse_map(Pair, Far)), V(array:sparse_map(Pair, array:set(12, a, array:new(25)))),
      err(fun() -> array:map(x, E) end), err(fun() -> array:sparse_map(x, E) end)},
     {fold, array:foldl(Acc, [], F), array:foldr(Acc, [], L), array:sparse_foldl(Acc, [], Far),
      array:sparse_foldr(Acc, [], Far), array:foldl(fun(_, X, A) -> X + A end, 0, array:from_list(lists:seq(1, 500))),
      err(fun() -> array:foldl(x, 0, E) end), err(fun() -> array:sparse_foldr(Acc, [], x) end)},
     {sparse_size, array:sparse_size(E), array:sparse_size(Far), array:sparse_size(F),
      array:sparse_size(array:set(7, 0, F)), array:sparse_size(array:set(7, 1, F))}].
