%% list_to_atom/binary_to_atom/list_to_existing_atom/binary_to_existing_atom.
-module(bif_list_to_atom).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    [{l2a, list_to_atom("abc"), list_to_atom(""), list_to_atom("with space")},
     {l2a_uni, list_to_atom([1024, 1025]) =:= binary_to_atom(<<208, 128, 208, 129>>, utf8)},
     {b2a, binary_to_atom(<<"xyz">>), binary_to_atom(<<"xyz">>, utf8),
      binary_to_atom(<<"xyz">>, latin1)},
     {b2a_latin1, binary_to_atom(<<233>>, latin1) =:= list_to_atom([233])},
     {b2a_bad_utf8, t(fun() -> binary_to_atom(id(<<233>>), utf8) end)},
     {existing, list_to_existing_atom("start"), binary_to_existing_atom(<<"ok">>, utf8)},
     {not_existing, t(fun() -> list_to_existing_atom(id("no_such_atom_zq81x")) end)},
     {not_existing_b, t(fun() -> binary_to_existing_atom(id(<<"no_such_atom_zq82x">>)) end)},
     {l2a_bad, t(fun() -> list_to_atom(id([a])) end)},
     {l2a_improper, t(fun() -> list_to_atom(id([97 | 98])) end)},
     {l2a_neg, t(fun() -> list_to_atom(id([-1])) end)},
     {b2a_list, t(fun() -> binary_to_atom(id("abc"), utf8) end)},
     {max_len, length(atom_to_list(list_to_atom(rep(255, $a))))},
     {too_long, t(fun() -> list_to_atom(rep(id(256), $a)) end)},
     {too_long_uni, t(fun() -> list_to_atom(rep(id(256), 8364)) end)},
     {long_uni_ok, length(atom_to_list(list_to_atom(rep(255, 8364))))}].

rep(0, _) -> [];
rep(N, C) -> [C | rep(N - 1, C)].

id(X) -> X.
