%% Atom ordering by their text (alphabetic by character codes).
-module(cmp_atoms).
-export([start/0]).

start() ->
    Ps = [{a, b}, {a, aa}, {'B', a}, {'Z', 'a'}, {'', a}, {abc, abd},
          {true, false}, {nil, []}, {'1', a}, {'a b', a_b}, {zz, 'zz '},
          {undefined, ok}],
    [{A, B, A < B, A == B} || {A, B} <- id(Ps)] ++
    [{latin1_atom_gt_z, list_to_atom(id([233])) > z},
     {unicode_atom_gt_latin1, list_to_atom(id([8364])) > list_to_atom(id([255]))}].

id(X) -> X.
