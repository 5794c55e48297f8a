%% Map matching in function heads and case: several keys, bound-variable keys, guards.
-module(map_match).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

kind(#{type := circle, r := R}) -> {circle, 3 * R * R};
kind(#{type := rect, w := W, h := H}) -> {rect, W * H};
kind(#{type := T}) -> {unknown_type, T};
kind(#{}) -> no_type;
kind(_) -> not_map.

lookup(K, M) ->
    case M of
        #{K := V} -> {found, V};
        _ -> not_found
    end.

both(#{a := X, b := X}) -> {same, X};
both(#{a := X, b := Y}) when X > Y -> {a_bigger, X, Y};
both(#{a := _, b := _}) -> b_bigger;
both(#{a := A}) -> {only_a, A}.

has(#{x := _, y := _}) -> xy;
has(#{x := _}) -> x;
has(#{}) -> none.

start() ->
    [{kind, [kind(M) || M <- [#{type => circle, r => 2}, #{type => rect, w => 3, h => 4},
                               #{type => rect, w => 3}, #{type => tri}, #{}, [], #{r => 1}]]},
     {lookup, lookup(a, #{a => 1}), lookup(b, #{a => 1}), lookup({k}, #{{k} => tup}),
      lookup(1, #{1.0 => float}), lookup(1.0, #{1.0 => float})},
     {both, [both(M) || M <- [#{a => 1, b => 1}, #{a => 5, b => 2}, #{a => 1, b => 9},
                               #{a => 7}, #{a => 1, b => 1.0}]]},
     {has, [has(M) || M <- [#{x => 1, y => 2, z => 3}, #{x => 1}, #{y => 1}]]},
     {bind, begin #{k := V, j := W} = #{j => 2, k => 1, l => 3}, {V, W} end},
     {badmatch, try #{q := _} = id(#{p => 1}) catch error:E -> E end}].

id(X) -> X.
