%% Sorting with comparator funs, key extraction funs, and stable merge.
-module(fun_sort_by).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

sort_by(_, []) -> [];
sort_by(Le, [P | T]) ->
    sort_by(Le, [X || X <- T, not Le(P, X)]) ++ [P] ++ sort_by(Le, [X || X <- T, Le(P, X)]).

key_sort(KeyF, L) -> sort_by(fun(A, B) -> KeyF(A) =< KeyF(B) end, L).

group_by(_, []) -> [];
group_by(K, [H | T]) ->
    Key = K(H),
    {Same, Rest} = split_by(fun(X) -> K(X) =:= Key end, T, [], []),
    [{Key, [H | Same]} | group_by(K, Rest)].

split_by(_, [], A, B) -> {rev(A), rev(B)};
split_by(P, [H | T], A, B) ->
    case P(H) of
        true -> split_by(P, T, [H | A], B);
        false -> split_by(P, T, A, [H | B])
    end.

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

start() ->
    People = [{bob, 30}, {al, 25}, {cy, 30}, {di, 22}, {ed, 25}],
    [{asc, sort_by(fun(A, B) -> A =< B end, [5, 2, 8, 1, 9])},
     {desc, sort_by(fun(A, B) -> A >= B end, [5, 2, 8, 1, 9])},
     {by_age, key_sort(fun({_, A}) -> A end, People)},
     {by_name, key_sort(fun({N, _}) -> N end, People)},
     {by_len, key_sort(fun erlang:length/1, ["ccc", "a", "bb", ""])},
     {group, group_by(fun({_, A}) -> A end, People)}].
