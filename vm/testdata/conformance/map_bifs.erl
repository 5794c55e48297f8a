%% Map BIFs from erlang: map_get, is_map_key, map_size, is_map, and errors.
-module(map_bifs).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

ex(F) -> try F() catch C:R -> {C, R} end.

guard_size(M) when map_size(M) > 2 -> big;
guard_size(M) when is_map(M) -> small;
guard_size(_) -> not_map.

guard_key(K, M) when is_map_key(K, M) -> {yes, map_get(K, M)};
guard_key(_, _) -> no.

start() ->
    M = #{a => 1, 2 => b, "c" => [c]},
    [{map_get, map_get(a, M), map_get("c", M), ex(fun() -> map_get(zz, M) end)},
     {map_get_badmap, ex(fun() -> map_get(a, [a]) end)},
     {is_map_key, is_map_key(2, M), is_map_key(2.0, M), ex(fun() -> is_map_key(a, x) end)},
     {map_size, map_size(M), ex(fun() -> map_size({}) end)},
     {is_map, is_map(M), is_map(#{}), is_map([])},
     {guard_size, [guard_size(X) || X <- [M, #{}, 1]]},
     {guard_key, [guard_key(K, M) || K <- [a, 2, b, "c"]]},
     {guard_key_badmap, guard_key(a, notamap)},
     {erlang_fns, erlang:map_get(2, M), erlang:is_map_key(a, M)}].
