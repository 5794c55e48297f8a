%% Building lists with accumulators, reversing, interleaving, and chunking.
-module(list_build_reverse).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

range(Lo, Hi, Step) -> range(Lo, Hi, Step, []).
range(Lo, Hi, _Step, Acc) when Lo > Hi -> rev(Acc);
range(Lo, Hi, Step, Acc) -> range(Lo + Step, Hi, Step, [Lo | Acc]).

interleave([], B) -> B;
interleave([A | As], B) -> [A | interleave(B, As)].

chunk([], _) -> [];
chunk(L, N) ->
    {C, Rest} = take(L, N, []),
    [C | chunk(Rest, N)].

take(Rest, 0, Acc) -> {rev(Acc), Rest};
take([], _, Acc) -> {rev(Acc), []};
take([H | T], N, Acc) -> take(T, N - 1, [H | Acc]).

dup(_, 0) -> [];
dup(X, N) -> [X | dup(X, N - 1)].

start() ->
    [{range, range(1, 20, 3)},
     {rev_range, rev(range(0, 9, 1))},
     {interleave, interleave([1, 3, 5], [2, 4, 6, 8, 10])},
     {chunk, chunk(range(1, 10, 1), 3)},
     {dup, dup(x, 5), dup([], 2)},
     {rev_rev, rev(rev(range(1, 100, 1))) =:= range(1, 100, 1)},
     {big, length(range(1, 200000, 1))},
     {cons_chain, [1 | [2 | [3 | []]]]}].
