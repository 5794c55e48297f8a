%% Locally-defined map/filter/foldl/foldr/zipwith/all/any over lists.
-module(list_higher_order).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

map(_, []) -> [];
map(F, [H | T]) -> [F(H) | map(F, T)].

filter(_, []) -> [];
filter(P, [H | T]) ->
    case P(H) of
        true -> [H | filter(P, T)];
        false -> filter(P, T)
    end.

foldl(_, A, []) -> A;
foldl(F, A, [H | T]) -> foldl(F, F(H, A), T).

foldr(_, A, []) -> A;
foldr(F, A, [H | T]) -> F(H, foldr(F, A, T)).

zipwith(F, [A | As], [B | Bs]) -> [F(A, B) | zipwith(F, As, Bs)];
zipwith(_, [], []) -> [].

all(P, L) -> foldl(fun(X, Acc) -> Acc andalso P(X) end, true, L).
any(P, L) -> foldl(fun(X, Acc) -> Acc orelse P(X) end, false, L).

partition(P, L) -> {filter(P, L), filter(fun(X) -> not P(X) end, L)}.

start() ->
    L = [5, 3, 8, 1, 9, 2],
    [{map, map(fun(X) -> X + 1 end, L)},
     {filter, filter(fun(X) -> X > 4 end, L)},
     {foldl, foldl(fun(X, A) -> [X | A] end, [], L)},
     {foldr, foldr(fun(X, A) -> [X | A] end, [], L)},
     {sum, foldl(fun erlang:'+'/2, 0, L)},
     {zipwith, zipwith(fun(A, B) -> A * B end, L, L)},
     {all, all(fun is_integer/1, L), all(fun(X) -> X > 1 end, L)},
     {any, any(fun(X) -> X > 8 end, L), any(fun is_atom/1, L)},
     {partition, partition(fun(X) -> X rem 2 =:= 0 end, L)},
     {max, foldl(fun erlang:max/2, hd(L), L)}].
