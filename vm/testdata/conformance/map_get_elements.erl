%% Matching several keys at once (get_map_elements) and key presence (has_map_fields).
-module(map_get_elements).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

three(#{1 := A, 2 := B, 3 := C}) -> {A, B, C};
three(_) -> nomatch.

many(#{a := A, b := B, c := C, d := D, e := E, f := F}) -> A + B + C + D + E + F;
many(_) -> nomatch.

present(#{x := _, y := _, z := _}) -> xyz;
present(#{x := _, y := _}) -> xy;
present(#{x := _}) -> x;
present(_) -> none.

mixed(#{k := V, n := V}) -> {same, V};
mixed(#{k := {tag, X}, n := [X | _]}) -> {nested, X};
mixed(_) -> other.

bound(Key, Val, M) ->
    case M of
        #{Key := Val} -> exact;
        #{Key := _} -> key_only;
        _ -> absent
    end.

start() ->
    Big = #{a => 1, b => 2, c => 3, d => 4, e => 5, f => 6, g => 7},
    [{three, three(#{1 => x, 2 => y, 3 => z, 4 => w}), three(#{1 => x, 3 => z})},
     {many, many(Big), many(Big#{f => 60}), many(#{a => 1})},
     {present, [present(M) || M <- [#{x => 1, y => 2, z => 3}, #{x => 1, y => 2},
                                    #{x => 1, z => 2}, #{y => 1}, not_a_map]]},
     {mixed, mixed(#{k => 5, n => 5}), mixed(#{k => {tag, 7}, n => [7, 8]}), mixed(#{k => 1})},
     {bound, bound(a, 1, Big), bound(a, 2, Big), bound(q, 1, Big), bound(1, 1, #{1.0 => 1})}].
