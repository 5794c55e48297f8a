%% Nested maps: deep get/put via paths, nested matching, nested := updates.
-module(map_nested).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

get_in([], V) -> {ok, V};
get_in([K | Ks], M) when is_map(M) ->
    case M of
        #{K := V} -> get_in(Ks, V);
        _ -> error
    end;
get_in(_, _) -> error.

put_in([K], V, M) -> M#{K => V};
put_in([K | Ks], V, M) ->
    Sub = case M of #{K := S} when is_map(S) -> S; _ -> #{} end,
    M#{K => put_in(Ks, V, Sub)}.

depth(M) when is_map(M), map_size(M) =:= 0 -> 1;
depth(M) when is_map(M) -> 1 + maxd([depth(V) || V <- vals(M)]);
depth(_) -> 0.

vals(M) -> [map_get(K, M) || K <- [1, 2, 3, 4], is_map_key(K, M)].

maxd([X]) -> X;
maxd([X | T]) -> max(X, maxd(T)).

start() ->
    Cfg = #{1 => #{1 => #{1 => leaf}}, 2 => x},
    C2 = put_in([1, 2, 3], new, Cfg),
    C3 = put_in([3, 1], deep, C2),
    [{get, get_in([1, 1, 1], Cfg), get_in([1, 2], Cfg), get_in([2, 1], Cfg)},
     {put, C2},
     {put2, C3},
     {depth, depth(Cfg), depth(C3), depth(#{})},
     {match, case C3 of #{1 := #{2 := #{3 := V}}, 3 := #{1 := W}} -> {V, W} end},
     {upd, (map_get(1, Cfg))#{1 := replaced}},
     {nested_literal, #{1 => #{2 => #{3 => #{4 => #{}}}}}}].
