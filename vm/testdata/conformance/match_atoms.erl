%% Atom comparisons and matching: ordering by text, quoted atoms, booleans as atoms.
-module(match_atoms).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

isort(L) -> isort(L, []).
isort([], A) -> A;
isort([H | T], A) -> isort(T, ins(H, A)).
ins(X, [H | T]) when X > H -> [H | ins(X, T)];
ins(X, L) -> [X | L].

kind(true) -> bool;
kind(false) -> bool;
kind(undefined) -> undef;
kind('') -> empty;
kind('hello world') -> spaced;
kind(A) when is_atom(A) -> atom;
kind(_) -> not_atom.

start() ->
    Atoms = [zebra, apple, 'Apple', '', 'hello world', a, aa, 'Zz', true, false, undefined],
    [{sorted, isort(Atoms)},
     {kind, [kind(A) || A <- Atoms ++ [1, "a"]]},
     {cmp, a < b, aa > a, 'B' < a, true > false, abc =:= abc, abc == 'abc'},
     {len, [length(atom_to_list(A)) || A <- ['', a, 'hello world']]},
     {bool_ops, [true and false, true or false, not true, true xor true]}].
