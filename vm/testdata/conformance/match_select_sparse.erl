%% select_val on sparse integers (incl. bignums) and many atoms, mixed with guards.
-module(match_select_sparse).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

code(200) -> ok;
code(201) -> created;
code(204) -> no_content;
code(301) -> moved;
code(404) -> not_found;
code(500) -> server_error;
code(100000) -> huge;
code(-7) -> negative;
code(18446744073709551616) -> bignum;
code(N) when is_integer(N) -> {unknown, N};
code(_) -> not_int.

color(red) -> 1; color(orange) -> 2; color(yellow) -> 3; color(green) -> 4;
color(blue) -> 5; color(indigo) -> 6; color(violet) -> 7; color(black) -> 8;
color(white) -> 9; color(grey) -> 10; color(pink) -> 11; color(brown) -> 12;
color(_) -> 0.

mixed(X) ->
    case X of
        1 -> int_one;
        a -> atom_a;
        [] -> nil;
        {} -> empty_tuple;
        1.5 -> float;
        "s" -> string;
        _ -> other
    end.

start() ->
    [{code, [code(N) || N <- [200, 201, 204, 301, 404, 500, 100000, -7, 1 bsl 64, 999, 200.0, x]]},
     {color, [color(C) || C <- [red, violet, brown, grey, white, purple, 1]]},
     {mixed, [mixed(X) || X <- [1, a, [], {}, 1.5, "s", 1.0, b, "t"]]}].
