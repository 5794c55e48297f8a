%% Map literals, => insert/update and := update (including badkey), map_size.
-module(map_literals_update).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

ex(F) -> try view(F()) catch C:R -> {C, R} end.

%% Maps with several atom keys print in a release-dependent order (OTP 26+),
%% so return them as sorted key/value lists of the known keys instead.
view(M) when is_map(M) ->
    {map_size(M), [{K, map_get(K, M)} || K <- [a, b, c, z, nokey], is_map_key(K, M)]};
view(X) -> X.

assoc(M, K, V) -> M#{K => V}.
exact(M, K, V) -> M#{K := V}.
multi(M) -> M#{a := 10, b => 20, z => 26}.
exact2(M) -> M#{a := x, b := y}.

start() ->
    M0 = #{},
    M1 = #{a => 1, b => 2},
    [{lit, M0, view(M1), #{1 => one, "s" => str, {t} => tup}},
     {assoc_new, view(assoc(M1, c, 3))},
     {assoc_upd, view(assoc(M1, a, 100))},
     {exact_upd, view(exact(M1, b, 200))},
     {exact_bad, ex(fun() -> exact(M1, nokey, 1) end)},
     {multi, view(multi(M1))},
     {multi_bad, ex(fun() -> multi(#{b => 1}) end)},
     {exact2, view(exact2(M1)), ex(fun() -> exact2(#{a => 1}) end)},
     {badmap_assoc, ex(fun() -> assoc(notmap, a, 1) end)},
     {badmap_exact, ex(fun() -> exact([], a, 1) end)},
     {size, map_size(M0), map_size(M1), map_size(assoc(M1, a, 0))},
     {dup_key_literal, #{a => 1, a => 2}},
     {orig, view(M1)}].
