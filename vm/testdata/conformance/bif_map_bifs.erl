%% map_size/1, map_get/2, is_map_key/2 as functions and in guards, with errors.
-module(bif_map_bifs).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

g(M) when map_size(M) > 1 -> big;
g(M) when is_map_key(k, M) -> has_k;
g(M) when map_get(v, M) =:= 1 -> v1;
g(_) -> other.

start() ->
    M = id(#{a => 1, 1 => one, 1.0 => float_one, {t} => tuple}),
    [{size, map_size(M), map_size(#{})},
     {get, map_get(a, M), map_get(1, M), map_get(1.0, M), map_get({t}, M)},
     {is_key, is_map_key(a, M), is_map_key(b, M), is_map_key(1, M), is_map_key(2.0, M)},
     {badkey, t(fun() -> map_get(id(zz), M) end)},
     {badmap_get, t(fun() -> map_get(a, id([a])) end)},
     {badmap_key, t(fun() -> is_map_key(a, id(notmap)) end)},
     {badmap_size, t(fun() -> map_size(id({})) end)},
     {guard, [g(X) || X <- [M, #{k => 1}, #{v => 1}, #{v => 2}, #{}, notmap]]},
     {update, map_size(M#{z => 1}), map_size(M#{a := 2})},
     {update_badkey, t(fun() -> (id(#{}))#{a := 1} end)},
     {update_badmap, t(fun() -> (id(x))#{a => 1} end)}].

id(X) -> X.
