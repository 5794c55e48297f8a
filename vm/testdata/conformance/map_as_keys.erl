%% Maps used as map keys and inside tuples/lists used as keys; matching such keys.
-module(map_as_keys).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

get(K, M) -> case M of #{K := V} -> V; _ -> missing end.

start() ->
    K1 = #{a => 1},
    K2 = #{a => 1.0},
    K3 = #{},
    K4 = #{1 => #{2 => 3}},
    M = #{K1 => one, K2 => onef, K3 => empty, K4 => nested, {K1} => in_tuple, [K3] => in_list},
    [{size, map_size(M)},
     {gets, [get(K, M) || K <- [#{a => 1}, #{a => 1.0}, #{}, #{1 => #{2 => 3}}, {#{a => 1}},
                              [#{}], #{a => 2}, #{1 => #{2 => 3.0}}]]},
     {upd, get(#{a => 1}, M#{#{a => 1} := replaced})},
     {eq_keys, K1 == K2, K1 =:= K2},
     {literal_key, #{#{x => 1} => y}},
     {match_literal_key, case M of #{#{} := E, #{a => 1} := O} -> {E, O} end}].
