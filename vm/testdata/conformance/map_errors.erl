%% Map error cases: badmap on update/match/BIFs, badkey on := and map_get, badmatch.
-module(map_errors).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

ex(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

upd_exact(M) -> M#{k := 1}.
upd_assoc(M) -> M#{k => 1}.
match_k(M) -> #{k := V} = M, V.
head(#{k := V}) -> V.

start() ->
    [{upd_exact, ex(fun() -> upd_exact(#{}) end), ex(fun() -> upd_exact(1) end),
      ex(fun() -> upd_exact(#{k => 0}) end)},
     {upd_assoc, ex(fun() -> upd_assoc({}) end), ex(fun() -> upd_assoc(#{}) end)},
     {match_k, ex(fun() -> match_k(#{j => 1}) end), ex(fun() -> match_k(x) end)},
     {head, ex(fun() -> head(#{}) end), ex(fun() -> head(<<>>) end)},
     {map_get, ex(fun() -> map_get(k, #{}) end), ex(fun() -> map_get(k, 1.5) end)},
     {map_size, ex(fun() -> map_size(a) end)},
     {is_map_key, ex(fun() -> is_map_key(k, [k]) end)}].
