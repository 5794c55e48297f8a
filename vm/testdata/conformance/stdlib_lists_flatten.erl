%% lists: flatten/1,2, flatlength, append/1, concat, uniq/1,2.
-module(stdlib_lists_flatten).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    Deep = id([1, [2, [3, [], [4]]], [[[]]], "ab", {t, [x]}]),
    [{flatten, lists:flatten(Deep), lists:flatten([]), lists:flatten([[], [[]]]),
      lists:flatten(Deep, [tail]), lists:flatten([[a]], [[b]]),
      t(fun() -> lists:flatten(id(a)) end), t(fun() -> lists:flatten(id([1 | a])) end),
      t(fun() -> lists:flatten([[1 | a]]) end), t(fun() -> lists:flatten([], id(a)) end)},
     {flatlength, lists:flatlength(Deep), lists:flatlength([]), lists:flatlength([[[]]]),
      t(fun() -> lists:flatlength(id(a)) end)},
     {append1, lists:append([[1], [2, 3], [], [4]]), lists:append([]), lists:append([id(a)]),
      lists:append([[1], id(a)]), t(fun() -> lists:append([id(a), [1]]) end),
      t(fun() -> lists:append(id(a)) end)},
     {concat, lists:concat([foo, "_", 42, '_', -3]), lists:concat([]),
      lists:concat([1.5]), lists:concat([[[nested]]]),
      t(fun() -> lists:concat([<<"bin">>]) end), t(fun() -> lists:concat(id(a)) end)},
     {uniq, lists:uniq([3, 1, 3, 2, 1, 1.0, a, "a", a]), lists:uniq([]),
      lists:uniq(fun(X) -> X rem 3 end, lists:seq(1, 10)),
      lists:uniq(fun({K, _}) -> K end, [{a, 1}, {b, 2}, {a, 3}]),
      t(fun() -> lists:uniq(id(a)) end), t(fun() -> lists:uniq(id(nf), []) end)}].
