%% Merge sort and insertion sort over lists of mixed terms (term order).
-module(list_sort_algos).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = split(L, [], []),
    merge(msort(A), msort(B)).

split([], A, B) -> {A, B};
split([H | T], A, B) -> split(T, B, [H | A]).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | _] = B) when X =< Y -> [X | merge(A, B)];
merge(A, [Y | B]) -> [Y | merge(A, B)].

isort(L) -> isort(L, []).
isort([], Acc) -> Acc;
isort([H | T], Acc) -> isort(T, insert(H, Acc)).

insert(X, [H | T]) when X > H -> [H | insert(X, T)];
insert(X, L) -> [X | L].

usort(L) -> dedup(msort(L)).
dedup([A, B | T]) when A == B -> dedup([A | T]);
dedup([A | T]) -> [A | dedup(T)];
dedup([]) -> [].

start() ->
    Nums = [34, 7, 23, 32, 5, 62, 32, 7, 0, -5],
    Mixed = [{1}, "str", 3, atom, [], 2.5, <<"b">>, {1, 2}, #{}, [a]],
    [{msort, msort(Nums)},
     {isort, isort(Nums)},
     {usort, usort(Nums)},
     {mixed, msort(Mixed)},
     {mixed_i, isort(Mixed) =:= msort(Mixed)},
     {numeq, msort([2, 1.0, 1, 2.0])},
     {erlang_sort_bif, erlang:length(msort(Nums))}].
