%% Error reasons for badmatch, case_clause, function_clause, if_clause, try_clause.
-module(exc_match_reasons).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

fc(1) -> one;
fc(a) -> a.

start() ->
    [{badmatch, t(fun() -> {a, _} = id({b, 1}) end)},
     {badmatch_list, t(fun() -> [_] = id([1, 2]) end)},
     {badmatch_bin, t(fun() -> <<1>> = id(<<2>>) end)},
     {case_clause, t(fun() -> case id(3) of 1 -> x; 2 -> y end end)},
     {case_clause_tuple, t(fun() -> case id({x, [1]}) of {y, _} -> y end end)},
     {function_clause, t(fun() -> fc(id(2)) end)},
     {if_clause, t(fun() -> X = id(5), if X > 10 -> big; X < 0 -> neg end end)},
     {try_clause, t(fun() -> try id(7) of 1 -> one catch _:_ -> c end end)},
     {try_clause_nested, t(fun() -> try id({v, 8}) of [] -> e after ok end end)},
     {catch_badmatch, case catch ({1} = id({2})) of {'EXIT', {R, _}} -> R end},
     {fun_clause, t(fun() -> (fun(1) -> ok end)(id(2)) end)},
     {map_badmatch, t(fun() -> #{k := _} = id(#{}) end)}].

id(X) -> X.
