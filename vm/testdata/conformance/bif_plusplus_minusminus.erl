%% ++ and -- including improper lists, duplicates and badarg cases.
-module(bif_plusplus_minusminus).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    [{app, [1, 2] ++ [3], [] ++ [], [] ++ a, [1] ++ b, "ab" ++ "cd"},
     {app_improper_tail, [1] ++ [2 | 3]},
     {app_bad, t(fun() -> id([1 | 2]) ++ [3] end)},
     {app_atom, t(fun() -> id(a) ++ [1] end)},
     {sub, [1, 2, 3, 2, 1] -- [2], [1, 2, 3, 2, 1] -- [2, 2], [1, 2] -- [3],
      [a, b] -- [], [] -- [a], [1, 1.0] -- [1.0]},
     {sub_order, [3, 1, 2, 1] -- [1, 1, 1]},
     {sub_bad, t(fun() -> id([1 | 2]) -- [1] end)},
     {sub_bad2, t(fun() -> [1] -- id([1 | 2]) end)},
     {sub_atom, t(fun() -> id(a) -- [] end)},
     {assoc, [1, 2, 3] -- [1] -- [1]},
     {strings, "hello world" -- "lo"},
     {big, length(seq(1, 2000) -- seq(1, 1000))},
     {nested, [[1], [2], [1]] -- [[1]]}].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

id(X) -> X.
