%% lists: append, subtract, reverse, nth, nthtail, prefix/suffix, last,
%% droplast, delete, duplicate, seq, sum, min, max, with their errors.
-module(stdlib_lists_basic).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    L = id([3, 1, 4, 1, 5, 9, 2, 6]),
    [{append, lists:append([1, 2], [3]), lists:append([], id(a)),
      t(fun() -> lists:append(id(a), [1]) end)},
     {subtract, lists:subtract(L, [1, 9, 7]), lists:subtract([1, 1.0, 1], [1]),
      t(fun() -> lists:subtract(id(a), []) end)},
     {reverse, lists:reverse(L), lists:reverse([]), lists:reverse([x]),
      lists:reverse([1, 2], [3, 4]), lists:reverse([], id(tail)),
      t(fun() -> lists:reverse(id(a)) end), t(fun() -> lists:reverse(id([1 | a])) end),
      t(fun() -> lists:reverse(id([1, 2 | a])) end), t(fun() -> lists:reverse(id(a), []) end)},
     {nth, lists:nth(1, L), lists:nth(8, L),
      t(fun() -> lists:nth(0, L) end), t(fun() -> lists:nth(9, L) end),
      t(fun() -> lists:nth(id(a), L) end)},
     {nthtail, lists:nthtail(0, L), lists:nthtail(3, L), lists:nthtail(8, L),
      lists:nthtail(2, id([1, 2 | x])),
      t(fun() -> lists:nthtail(9, L) end), t(fun() -> lists:nthtail(-1, L) end),
      t(fun() -> lists:nthtail(0, id(a)) end)},
     {prefix, lists:prefix([3, 1], L), lists:prefix([], L), lists:prefix([1], L),
      lists:prefix(L, [3]), lists:prefix([1.0], [1]),
      t(fun() -> lists:prefix(id(a), L) end), t(fun() -> lists:prefix([], id(a)) end)},
     {suffix, lists:suffix([2, 6], L), lists:suffix([], L), lists:suffix([6, 2], L),
      lists:suffix(L, [6]), t(fun() -> lists:suffix(id(a), L) end)},
     {last, lists:last(L), lists:last([z]), t(fun() -> lists:last([]) end)},
     {droplast, lists:droplast(L), lists:droplast([z]),
      t(fun() -> lists:droplast([]) end), t(fun() -> lists:droplast(id([1, 2 | a])) end)},
     {delete, lists:delete(1, L), lists:delete(7, L), lists:delete(1, [1.0, 1]),
      lists:delete(a, []), t(fun() -> lists:delete(a, id([b | c])) end)},
     {duplicate, lists:duplicate(3, x), lists:duplicate(0, x),
      t(fun() -> lists:duplicate(-1, x) end), t(fun() -> lists:duplicate(id(1.0), x) end)},
     {seq2, lists:seq(1, 5), lists:seq(3, 3), lists:seq(4, 3), lists:seq(-2, 2),
      t(fun() -> lists:seq(4, 2) end), t(fun() -> lists:seq(id(1.0), 2) end)},
     {seq3, lists:seq(1, 10, 3), lists:seq(10, 1, -3), lists:seq(1, 0, 1),
      lists:seq(1, 2, -1), lists:seq(5, 5, 0), lists:seq(1, 0, -1),
      t(fun() -> lists:seq(1, 5, 0) end), t(fun() -> lists:seq(1, -1, 1) end),
      t(fun() -> lists:seq(1, 5, id(1.0)) end), t(fun() -> lists:seq(id(a), 5, 1) end)},
     {sum, lists:sum(L), lists:sum([]), lists:sum([1, 2.5, 1 bsl 70]),
      t(fun() -> lists:sum(id([1, a])) end), t(fun() -> lists:sum(id(a)) end)},
     {min_max, lists:min(L), lists:max(L), lists:min([1, 1.0]), lists:min([1.0, 1]),
      lists:max([2, 2.0]), lists:max([2.0, 2]), lists:max([a, {1}, "s", 1]),
      t(fun() -> lists:min([]) end), t(fun() -> lists:max(id([1 | a])) end)}].
