%% lists: map, flatmap, foldl, foldr, filter, filtermap, zf, foreach,
%% all, any, mapfoldl, mapfoldr, search; evaluation order and errors.
-module(stdlib_lists_hof).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    L = id([1, 2, 3, 4, 5]),
    Even = fun(X) -> X rem 2 =:= 0 end,
    Log = fun(X) -> put(log, [X | get(log)]), X end,
    put(log, []),
    Mapped = lists:map(fun(X) -> Log(X) * 10 end, L),
    MapOrder = lists:reverse(get(log)),
    put(log, []),
    ok = lists:foreach(Log, L),
    ForeachOrder = lists:reverse(get(log)),
    put(log, []),
    _ = lists:foldr(fun(X, A) -> Log(X), A end, 0, L),
    FoldrOrder = lists:reverse(get(log)),
    [{map, Mapped, MapOrder, lists:map(Even, []),
      t(fun() -> lists:map(Even, id(a)) end), t(fun() -> lists:map(Even, id([2 | a])) end),
      t(fun() -> lists:map(id(nf), []) end)},
     {foreach, ForeachOrder, t(fun() -> lists:foreach(Log, id(a)) end)},
     {flatmap, lists:flatmap(fun(X) -> [X, X] end, [a, b]), lists:flatmap(fun(_) -> [] end, L),
      t(fun() -> lists:flatmap(fun(X) -> X end, [a]) end)},
     {foldl, lists:foldl(fun(X, A) -> [X | A] end, [], L),
      lists:foldl(fun(X, A) -> X + A end, 0, L),
      t(fun() -> lists:foldl(fun(X, A) -> X + A end, 0, id(a)) end),
      t(fun() -> lists:foldl(fun(X, A) -> X + A end, 0, id([1 | a])) end)},
     {foldr, lists:foldr(fun(X, A) -> [X | A] end, [], L), FoldrOrder,
      t(fun() -> lists:foldr(fun(X, A) -> X + A end, 0, id(a)) end)},
     {filter, lists:filter(Even, L), lists:filter(Even, []),
      t(fun() -> lists:filter(fun(_) -> x end, [1]) end),
      t(fun() -> lists:filter(Even, id(a)) end)},
     {filtermap, lists:filtermap(fun(X) when X > 3 -> {true, X * X};
                                    (X) -> Even(X) end, L),
      lists:zf(fun(X) -> X > 2 end, L),
      t(fun() -> lists:filtermap(fun(_) -> {true, 1, 2} end, [1]) end)},
     {all, lists:all(Even, [2, 4]), lists:all(Even, L), lists:all(Even, []),
      t(fun() -> lists:all(Even, id(a)) end), t(fun() -> lists:all(fun(_) -> 1 end, [1]) end)},
     {any, lists:any(Even, L), lists:any(Even, [1, 3]), lists:any(Even, []),
      lists:any(Even, id([2 | a])), t(fun() -> lists:any(Even, id([1 | a])) end)},
     {mapfoldl, lists:mapfoldl(fun(X, S) -> {X * 2, S + X} end, 0, L),
      lists:mapfoldl(fun(X, S) -> {{X, S}, S + 1} end, 0, [a, b, c]),
      t(fun() -> lists:mapfoldl(fun(X, _) -> X end, 0, [1]) end)},
     {mapfoldr, lists:mapfoldr(fun(X, S) -> {{X, S}, S + 1} end, 0, [a, b, c]),
      lists:mapfoldr(fun(X, S) -> {X, S} end, acc, [])},
     {search, lists:search(Even, L), lists:search(fun(X) -> X > 9 end, L),
      lists:search(Even, []), t(fun() -> lists:search(fun(_) -> x end, L) end)}].
