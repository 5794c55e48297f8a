%% The maps module of avm's bundled standard library. The primitives
%% (get, put, keys, to_list, from_list…) are Go natives of the VM, which
%% take precedence over the Erlang definitions below; the functions here
%% are built on them and behave as OTP's.
-module(maps).

-export([fold/3, map/2, filter/2, filtermap/2, foreach/2, with/2, without/2,
         update_with/3, update_with/4, iterator/1, iterator/2, next/1,
         intersect/2, intersect_with/3, merge_with/3, groups_from_list/2,
         groups_from_list/3, from_keys/2, get/2, get/3, find/2, is_key/2,
         put/3, update/3, remove/2, take/2, keys/1, values/1, to_list/1,
         from_list/1, size/1, new/0, merge/2]).

%% Primitives: the VM's natives answer these; the definitions make the
%% module complete when read on its own.
get(K, M) -> erlang:map_get(K, M).
get(K, M, Default) ->
    case M of
        #{K := V} -> V;
        #{} -> Default;
        _ -> erlang:error({badmap, M}, [K, M, Default])
    end.
find(K, M) ->
    case M of
        #{K := V} -> {ok, V};
        #{} -> error;
        _ -> erlang:error({badmap, M}, [K, M])
    end.
is_key(K, M) -> erlang:is_map_key(K, M).
put(K, V, M) -> M#{K => V}.
update(K, V, M) -> M#{K := V}.
remove(K, M) -> maps:remove(K, M).
take(K, M) -> maps:take(K, M).
keys(M) -> maps:keys(M).
values(M) -> maps:values(M).
to_list(M) -> maps:to_list(M).
from_list(L) -> maps:from_list(L).
from_keys(Keys, V) -> maps:from_keys(Keys, V).
size(M) -> erlang:map_size(M).
new() -> #{}.
merge(A, B) -> maps:merge(A, B).

fold(F, Acc, M) when is_function(F, 3), is_map(M) ->
    fold_list(F, Acc, maps:to_list(M));
fold(F, Acc, {avm_map_iterator, _} = I) when is_function(F, 3) ->
    fold_iter(F, Acc, I);
fold(F, Acc, M) ->
    erlang:error(badarg_or_badmap(M), [F, Acc, M]).

fold_list(_, Acc, []) -> Acc;
fold_list(F, Acc, [{K, V} | T]) -> fold_list(F, F(K, V, Acc), T).

fold_iter(F, Acc, I) ->
    case next(I) of
        none -> Acc;
        {K, V, I2} -> fold_iter(F, F(K, V, Acc), I2)
    end.

map(F, M) when is_function(F, 2), is_map(M) ->
    maps:from_list([{K, F(K, V)} || {K, V} <- maps:to_list(M)]);
map(F, M) ->
    erlang:error(badarg_or_badmap(M), [F, M]).

filter(P, M) when is_function(P, 2), is_map(M) ->
    maps:from_list([{K, V} || {K, V} <- maps:to_list(M), P(K, V)]);
filter(P, M) ->
    erlang:error(badarg_or_badmap(M), [P, M]).

filtermap(F, M) when is_function(F, 2), is_map(M) ->
    maps:from_list(filtermap_list(F, maps:to_list(M)));
filtermap(F, M) ->
    erlang:error(badarg_or_badmap(M), [F, M]).

filtermap_list(_, []) -> [];
filtermap_list(F, [{K, V} | T]) ->
    case F(K, V) of
        true -> [{K, V} | filtermap_list(F, T)];
        {true, V2} -> [{K, V2} | filtermap_list(F, T)];
        false -> filtermap_list(F, T)
    end.

foreach(F, M) when is_function(F, 2), is_map(M) ->
    lists_foreach(F, maps:to_list(M));
foreach(F, M) ->
    erlang:error(badarg_or_badmap(M), [F, M]).

lists_foreach(_, []) -> ok;
lists_foreach(F, [{K, V} | T]) -> F(K, V), lists_foreach(F, T).

with(Ks, M) when is_list(Ks), is_map(M) ->
    maps:from_list([{K, V} || K <- Ks, {ok, V} <- [maps:find(K, M)]]);
with(Ks, M) ->
    erlang:error(badarg_or_badmap(M), [Ks, M]).

without(Ks, M) when is_list(Ks), is_map(M) ->
    without_list(Ks, M);
without(Ks, M) ->
    erlang:error(badarg_or_badmap(M), [Ks, M]).

without_list([], M) -> M;
without_list([K | T], M) -> without_list(T, maps:remove(K, M)).

update_with(K, F, M) when is_function(F, 1), is_map(M) ->
    case M of
        #{K := V} -> M#{K := F(V)};
        #{} -> erlang:error({badkey, K}, [K, F, M])
    end;
update_with(K, F, M) ->
    erlang:error(badarg_or_badmap(M), [K, F, M]).

update_with(K, F, Init, M) when is_function(F, 1), is_map(M) ->
    case M of
        #{K := V} -> M#{K := F(V)};
        #{} -> M#{K => Init}
    end;
update_with(K, F, Init, M) ->
    erlang:error(badarg_or_badmap(M), [K, F, Init, M]).

%% Iterators walk the map in its key order.
iterator(M) when is_map(M) -> {avm_map_iterator, maps:to_list(M)};
iterator(M) -> erlang:error({badmap, M}, [M]).

iterator(M, ordered) when is_map(M) -> iterator(M);
iterator(M, reversed) when is_map(M) -> {avm_map_iterator, reverse(maps:to_list(M), [])};
iterator(M, Order) when is_map(M) -> erlang:error(badarg, [M, Order]);
iterator(M, Order) -> erlang:error({badmap, M}, [M, Order]).

next({avm_map_iterator, [{K, V} | T]}) -> {K, V, {avm_map_iterator, T}};
next({avm_map_iterator, []}) -> none;
next(none) -> none;
next(I) -> erlang:error(badarg, [I]).

intersect(A, B) when is_map(A), is_map(B) ->
    maps:from_list([{K, V} || {K, V} <- maps:to_list(B), maps:is_key(K, A)]);
intersect(A, B) ->
    erlang:error({badmap, first_non_map(A, B)}, [A, B]).

intersect_with(F, A, B) when is_function(F, 3), is_map(A), is_map(B) ->
    maps:from_list([{K, F(K, VA, VB)} || {K, VA} <- maps:to_list(A), {ok, VB} <- [maps:find(K, B)]]);
intersect_with(F, A, B) ->
    erlang:error(badarg_or_badmap2(A, B), [F, A, B]).

merge_with(F, A, B) when is_function(F, 3), is_map(A), is_map(B) ->
    fold(fun(K, VB, Acc) ->
                 case Acc of
                     #{K := VA} -> Acc#{K := F(K, VA, VB)};
                     #{} -> Acc#{K => VB}
                 end
         end, A, B);
merge_with(F, A, B) ->
    erlang:error(badarg_or_badmap2(A, B), [F, A, B]).

groups_from_list(KeyF, L) when is_function(KeyF, 1), is_list(L) ->
    groups(KeyF, fun(X) -> X end, reverse(L, []), #{});
groups_from_list(KeyF, L) ->
    erlang:error(badarg, [KeyF, L]).

groups_from_list(KeyF, ValF, L) when is_function(KeyF, 1), is_function(ValF, 1), is_list(L) ->
    groups(KeyF, ValF, reverse(L, []), #{});
groups_from_list(KeyF, ValF, L) ->
    erlang:error(badarg, [KeyF, ValF, L]).

groups(_, _, [], Acc) -> Acc;
groups(KeyF, ValF, [X | T], Acc) ->
    K = KeyF(X),
    V = ValF(X),
    Acc2 = case Acc of
               #{K := Vs} -> Acc#{K := [V | Vs]};
               #{} -> Acc#{K => [V]}
           end,
    groups(KeyF, ValF, T, Acc2).

reverse([], Acc) -> Acc;
reverse([H | T], Acc) -> reverse(T, [H | Acc]).

badarg_or_badmap(M) when is_map(M) -> badarg;
badarg_or_badmap(M) -> {badmap, M}.

badarg_or_badmap2(A, B) when is_map(A), is_map(B) -> badarg;
badarg_or_badmap2(A, B) -> {badmap, first_non_map(A, B)}.

first_non_map(A, _) when not is_map(A) -> A;
first_non_map(_, B) -> B.
