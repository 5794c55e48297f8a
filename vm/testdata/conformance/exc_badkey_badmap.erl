%% {badkey,K} and {badmap,M} from map syntax and BIFs.
-module(exc_badkey_badmap).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    M = id(#{a => 1}),
    [{update_missing, t(fun() -> M#{b := 2} end)},
     {update_nonmap, t(fun() -> (id([]))#{a := 1} end)},
     {insert_nonmap, t(fun() -> (id(<<>>))#{a => 1} end)},
     {map_get_missing, t(fun() -> map_get(id({k}), M) end)},
     {map_get_nonmap, t(fun() -> map_get(a, id(1.0)) end)},
     {map_size_nonmap, t(fun() -> map_size(id(x)) end)},
     {match_missing, t(fun() -> #{b := V} = M, V end)},
     {update_multi, t(fun() -> M#{a := 2, c := 3} end)},
     {ok_update, M#{a := 2}},
     {float_key, t(fun() -> (id(#{1 => x}))#{1.0 := y} end)}].

id(X) -> X.
