%% lists: merge/1,2,3, merge3, umerge/1,2,3, umerge3, keymerge, ukeymerge
%% and the reverse-order variants, on sorted inputs; tie-breaking.
-module(stdlib_lists_merge).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    A = id([1, 3, 5, 7]), B = id([2, 3.0, 6]), C = id([0, 3, 8]),
    KA = id([{1, a}, {2, a}, {4, a}]), KB = id([{2, b}, {3, b}, {4, b}]),
    Le = fun({X, _}, {Y, _}) -> X =< Y end,
    R = fun lists:reverse/1,
    [{merge2, lists:merge(A, B), lists:merge(B, A), lists:merge([], B), lists:merge(A, []),
      %% OTP 27 checks that the arguments are lists; OTP 25 returns them.
      t(fun() -> lists:merge(id(a), []) end),
      t(fun() -> lists:merge([], id(a)) end), t(fun() -> lists:merge(id([1 | a]), [2]) end),
      t(fun() -> lists:merge([], id([1 | a])) end)},
     {merge3, lists:merge(Le, KA, KB), lists:merge(Le, KB, KA),
      lists:merge3(A, B, C), lists:merge3([], [], C)},
     {merge1, lists:merge([A, B, C]), lists:merge([[], A]), lists:merge([]),
      lists:merge([[3], [1, 2], [0, 3.0]]), t(fun() -> lists:merge(id(a)) end)},
     {umerge2, lists:umerge(A, B), lists:umerge(B, A), lists:umerge([1, 2], [1.0, 3]),
      lists:umerge([], C), lists:umerge(A, [])},
     {umerge3, lists:umerge(Le, KA, KB), lists:umerge(Le, KB, KA),
      lists:umerge3(A, B, C), lists:umerge3([1], [1.0], [1])},
     {umerge1, lists:umerge([A, B, C]), lists:umerge([[2], [2.0], [1, 2]]), lists:umerge([])},
     {rmerge, lists:rmerge(R(A), R(B)), lists:rmerge([2, 1], [2.0, 1.0]),
      lists:rmerge(Le, R(KA), R(KB)), lists:rmerge3(R(A), R(B), R(C)),
      lists:rmerge3([1], [1.0], [1])},
     {rumerge, lists:rumerge(R(A), R(B)), lists:rumerge([3, 2, 1], [3.0, 2.0, 0]),
      lists:rumerge(Le, R(KA), R(KB)), lists:rumerge3(R(A), R(B), R(C))},
     {keymerge, lists:keymerge(1, KA, KB), lists:keymerge(1, KB, KA),
      lists:keymerge(2, [{x, 1}, {y, 2}], [{z, 1}]),
      t(fun() -> lists:keymerge(1, id(a), []) end),
      t(fun() -> lists:keymerge(1, [], [b]) end), t(fun() -> lists:keymerge(0, [], []) end)},
     {ukeymerge, lists:ukeymerge(1, KA, KB), lists:ukeymerge(1, KB, KA),
      t(fun() -> lists:ukeymerge(1, [], id(a)) end)},
     {rkeymerge, lists:rkeymerge(1, R(KA), R(KB)), lists:rukeymerge(1, R(KA), R(KB))},
     {sorted_merge, lists:merge(lists:sort([5, 2, 9]), lists:sort([4, 8, 1])) =:=
          lists:sort([5, 2, 9, 4, 8, 1])}].
