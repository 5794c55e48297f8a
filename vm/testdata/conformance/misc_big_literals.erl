%% Large literal terms: nested lists/tuples, literal maps, literal binaries, shared literal use.
-module(misc_big_literals).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

config() ->
    #{1 => {server, [{port, 8080}, {hosts, ["a.example", "b.example"]}, {tls, false}]},
      2 => {limits, #{10 => 100, 20 => [1, 2, 3], 30 => <<"thirty">>}},
      3 => [[[[[[deep]]]]]],
      4 => {1.5, -2.25, 1.0e100, 12345678901234567890123},
      5 => <<0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20>>}.

table() ->
    {{1, one}, {2, two}, {3, three}, {4, four}, {5, five}, {6, six}, {7, seven}, {8, eight},
     {9, nine}, {10, ten}, {11, eleven}, {12, twelve}, {13, thirteen}, {14, fourteen},
     {15, fifteen}, {16, sixteen}}.

lookup(N) -> element(2, element(N, table())).

big_list() ->
    [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z,
     1, 2, 3, 4, 5, 6, 7, 8, 9, 10, "str", <<"bin">>, {t}, [l], #{1 => m}].

start() ->
    C = config(),
    [{config, C},
     {same_literal, config() =:= C},
     {lookup, [lookup(N) || N <- [1, 8, 16]]},
     {table_size, tuple_size(table())},
     {big_list, length(big_list()), big_list()},
     {modify_literal, setelement(1, table(), changed) =/= table(), element(1, table())}].
