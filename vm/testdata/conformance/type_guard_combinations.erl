%% Type tests combined in guards with , ; andalso orelse not.
-module(type_guard_combinations).
-export([start/0]).

a(X) when is_integer(X), X > 0; is_float(X), X < 0 -> pos_int_or_neg_float;
a(X) when is_atom(X) andalso X =/= undefined -> atom;
a(X) when not is_list(X), not is_tuple(X) -> not_list_tuple;
a(X) when is_list(X) orelse tuple_size(X) > 1 -> list_or_big_tuple;
a(_) -> other.

b(X) when (is_tuple(X) andalso tuple_size(X) =:= 2) orelse is_map(X) -> pair_or_map;
b(X) when is_binary(X), byte_size(X) > 1; is_list(X), length(X) > 1 -> long;
b(_) -> no.

start() ->
    Vs = [5, -5, 2.5, -2.5, ok, undefined, <<>>, [], [1, 2], {}, {1}, {1, 2},
          #{}, <<"ab">>, [1 | 2], self()],
    [{a, [a(V) || V <- Vs]}, {b, [catch_b(V) || V <- Vs]}].

catch_b(V) -> try b(V) catch C:R -> {C, R} end.
