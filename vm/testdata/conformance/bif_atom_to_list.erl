%% atom_to_list/1 and atom_to_binary/1,2 with encodings, including non-ASCII atoms.
-module(bif_atom_to_list).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Latin = list_to_atom(id([104, 233, 108, 108, 111])),
    Uni = list_to_atom(id([8364, 97])),
    [{a2l, atom_to_list(abc), atom_to_list(''), atom_to_list('Hello World'),
      atom_to_list(Latin), atom_to_list(Uni)},
     {a2b1, atom_to_binary(abc), atom_to_binary(Latin), atom_to_binary(Uni)},
     {a2b_utf8, atom_to_binary(Latin, utf8), atom_to_binary(Uni, utf8)},
     {a2b_latin1, atom_to_binary(Latin, latin1), atom_to_binary(abc, latin1)},
     {a2b_unicode, atom_to_binary(Latin, unicode)},
     {latin1_bad, t(fun() -> atom_to_binary(Uni, latin1) end)},
     {bad_enc, t(fun() -> atom_to_binary(abc, id(utf16)) end)},
     {not_atom, t(fun() -> atom_to_list(id("abc")) end)},
     {bool, atom_to_list(true), atom_to_binary(false)}].

id(X) -> X.
