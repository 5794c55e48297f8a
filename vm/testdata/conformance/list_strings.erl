%% String literals as lists of character codes; char ops done by hand.
-module(list_strings).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

upper([C | T]) when C >= $a, C =< $z -> [C - 32 | upper(T)];
upper([C | T]) -> [C | upper(T)];
upper([]) -> [].

words(S) -> words(S, [], []).
words([], [], Acc) -> rev(Acc);
words([], W, Acc) -> rev([rev(W) | Acc]);
words([$\s | T], [], Acc) -> words(T, [], Acc);
words([$\s | T], W, Acc) -> words(T, [], [rev(W) | Acc]);
words([C | T], W, Acc) -> words(T, [C | W], Acc).

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

is_pal(S) -> S =:= rev(S).

to_int([], Acc) -> Acc;
to_int([D | T], Acc) when D >= $0, D =< $9 -> to_int(T, Acc * 10 + D - $0).

start() ->
    [{lit, "abc", [$a, $b, $c] =:= "abc"},
     {empty, "" =:= []},
     {escapes, "\n\t\\\"", "\x41\101"},
     {unicode, "héllo", [16#1F600]},
     {upper, upper("hello, World!")},
     {words, words("  the quick  brown fox ")},
     {pal, is_pal("racecar"), is_pal("abc")},
     {to_int, to_int("12345678901234567890", 0)},
     {concat, "abc" "def"},
     {chars, $a, $\n, $\s, $ü},
     {cmp, "abc" < "abd", "ab" < "abc", "b" > "abc"},
     {list_to_atom, list_to_atom("hello world")},
     {atom_to_list, atom_to_list('Quoted Atom')},
     {integer_to_list, integer_to_list(-1234), integer_to_list(255, 16)},
     {list_to_integer, list_to_integer("-77"), list_to_integer("ff", 16)}].
