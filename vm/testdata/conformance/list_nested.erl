%% Nested lists: flatten, depth, deep map, and deep equality.
-module(list_nested).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

flatten(L) -> flatten(L, []).
flatten([], Acc) -> Acc;
flatten([H | T], Acc) when is_list(H) -> flatten(H, flatten(T, Acc));
flatten([H | T], Acc) -> [H | flatten(T, Acc)].

depth([]) -> 1;
depth(L) when is_list(L) -> 1 + maxl([depth(X) || X <- L]);
depth(_) -> 0.

maxl([H]) -> H;
maxl([H | T]) -> max(H, maxl(T)).

deep_map(F, L) when is_list(L) -> [deep_map(F, X) || X <- L];
deep_map(F, X) -> F(X).

transpose([[] | _]) -> [];
transpose(M) -> [[H || [H | _] <- M] | transpose([T || [_ | T] <- M])].

start() ->
    N = [1, [2, [3, [4, []]], 5], [[[6]]], []],
    [{flat, flatten(N)},
     {depth, depth(N), depth([]), depth([[[]]])},
     {deep_map, deep_map(fun(X) -> X * 10 end, N)},
     {transpose, transpose([[1, 2, 3], [4, 5, 6]])},
     {eq, N == [1, [2, [3, [4, []]], 5], [[[6]]], []], N =:= [1, [2, [3, [4, []]], 5], [[[6]]], [[]]]},
     {cmp, [[1], 2] < [[1, 0]], [[]] > []},
     {length, length(N)},
     {matrix, [[X * Y || X <- [1, 2, 3]] || Y <- [1, 2]]}].
