%% Using a map as a counter/dictionary: word counts, then reading back in sorted key order.
-module(map_word_count).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

count([], M) -> M;
count([W | Ws], M) ->
    case M of
        #{W := N} -> count(Ws, M#{W := N + 1});
        #{} -> count(Ws, M#{W => 1})
    end.

words(S) -> words(S, [], []).
words([], [], Acc) -> Acc;
words([], W, Acc) -> [rev(W) | Acc];
words([$\s | T], [], Acc) -> words(T, [], Acc);
words([$\s | T], W, Acc) -> words(T, [], [rev(W) | Acc]);
words([C | T], W, Acc) -> words(T, [C | W], Acc).

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

start() ->
    Text = "the cat and the dog and the bird saw a cat",
    M = count(words(Text), #{}),
    CharM = count(Text, #{}),
    [{counts, M},
     {n_words, map_size(M)},
     {the, map_get("the", M)},
     {chars, CharM},
     {ints, count([1, 2, 1, 3, 1, 2, 1.0], #{})}].
