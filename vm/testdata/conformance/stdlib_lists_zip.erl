%% lists: zip, zip3, unzip, unzip3, zipwith, zipwith3.
-module(stdlib_lists_zip).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    A = id([1, 2, 3]), B = id([a, b, c]), C = id(["x", "y", "z"]),
    Z = lists:zip(A, B), Z3 = lists:zip3(A, B, C),
    [{zip, Z, lists:zip([], []), t(fun() -> lists:zip(A, [a]) end),
      t(fun() -> lists:zip(id(a), id(a)) end)},
     {unzip, lists:unzip(Z), lists:unzip([]), t(fun() -> lists:unzip([{1, 2, 3}]) end),
      t(fun() -> lists:unzip(id([{1, 2} | a])) end)},
     {zip3, Z3, lists:zip3([], [], []), t(fun() -> lists:zip3(A, B, []) end)},
     {unzip3, lists:unzip3(Z3), lists:unzip3([]), t(fun() -> lists:unzip3([{1, 2}]) end)},
     {zipwith, lists:zipwith(fun(X, Y) -> {Y, X} end, A, B),
      lists:zipwith(fun erlang:'+'/2, A, [10, 20, 30]),
      lists:zipwith(fun(X, Y) -> X * Y end, [], []),
      t(fun() -> lists:zipwith(fun(X, Y) -> X + Y end, A, [1]) end)},
     {zipwith3, lists:zipwith3(fun(X, Y, W) -> [X, Y, W] end, A, B, C),
      lists:zipwith3(fun(X, Y, W) -> X + Y + W end, A, A, A),
      t(fun() -> lists:zipwith3(fun(X, _, _) -> X end, A, A, [1]) end)},
     {roundtrip, lists:unzip(lists:zip(lists:seq(1, 50), lists:seq(51, 100))) =:=
          {lists:seq(1, 50), lists:seq(51, 100)}}].
