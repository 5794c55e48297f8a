%% lists: sublist/2,3, split, splitwith, takewhile, dropwhile, partition,
%% join, enumerate.
-module(stdlib_lists_sublist).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    L = id([a, b, c, d, e]),
    Small = fun(X) -> X < 3 end,
    Ns = id([1, 2, 3, 4, 1, 2]),
    [{sublist2, lists:sublist(L, 2), lists:sublist(L, 0), lists:sublist(L, 10),
      lists:sublist(id([1 | x]), 1),
      t(fun() -> lists:sublist(L, -1) end), t(fun() -> lists:sublist(id(a), 0) end),
      t(fun() -> lists:sublist(id([1 | x]), 2) end)},
     {sublist3, lists:sublist(L, 2, 2), lists:sublist(L, 1, 5), lists:sublist(L, 4, 10),
      lists:sublist(L, 6, 1), lists:sublist(L, 9, 1), lists:sublist(L, 3, 0),
      t(fun() -> lists:sublist(L, 0, 1) end), t(fun() -> lists:sublist(L, 1, -1) end)},
     {split, lists:split(2, L), lists:split(0, L), lists:split(5, L),
      t(fun() -> lists:split(6, L) end), t(fun() -> lists:split(-1, L) end),
      t(fun() -> lists:split(id(a), L) end), t(fun() -> lists:split(2, id([1 | x])) end)},
     {splitwith, lists:splitwith(Small, Ns), lists:splitwith(Small, []),
      lists:splitwith(fun(_) -> true end, Ns),
      t(fun() -> lists:splitwith(fun(_) -> perhaps end, Ns) end),
      t(fun() -> lists:splitwith(id(notfun), Ns) end)},
     {takewhile, lists:takewhile(Small, Ns), lists:takewhile(Small, [5]),
      t(fun() -> lists:takewhile(Small, id(a)) end)},
     {dropwhile, lists:dropwhile(Small, Ns), lists:dropwhile(Small, [1]),
      t(fun() -> lists:dropwhile(fun(_) -> 0 end, Ns) end)},
     {partition, lists:partition(Small, Ns), lists:partition(Small, []),
      t(fun() -> lists:partition(Small, id(a)) end),
      t(fun() -> lists:partition(fun(_) -> x end, [1]) end)},
     {join, lists:join(", ", ["a", "b", "c"]), lists:join(x, [1]), lists:join(x, []),
      t(fun() -> lists:join(x, id(a)) end)},
     {enumerate, lists:enumerate(L), lists:enumerate(0, L), lists:enumerate(-3, [p, q]),
      lists:enumerate([]), t(fun() -> lists:enumerate(id(a)) end),
      t(fun() -> lists:enumerate(id(a), []) end)}].
