%% A pseudo-random sequence of put, update, remove, take, merge and
%% from_list on one map, growing it past 32 keys and shrinking it back, each
%% step checked against a sorted key-value list kept beside it.
-module(map_large_ops).
-export([start/0]).

start() ->
    {M, Ref, Log} = steps(3000, 12345, #{}, [], []),
    [{size, map_size(M), length(Ref)},
     {same, lists:sort(maps:to_list(M)) =:= Ref},
     {sizes_seen, lists:reverse(Log)},
     {keys, lists:sort(maps:keys(M)) =:= [K || {K, _} <- Ref]},
     {values, lists:sort(maps:values(M)) =:= lists:sort([V || {_, V} <- Ref])},
     {fold, maps:fold(fun(K, V, A) -> A + key_weight(K) * V end, 0, M)},
     {from_list, maps:from_list(Ref) =:= M},
     {iterator, lists:sort(iterate(maps:next(maps:iterator(M)))) =:= Ref}].

iterate(none) -> [];
iterate({K, V, I}) -> [{K, V} | iterate(maps:next(I))].

%% Keys of several kinds; 7 and 7.0 are different keys.
key(R) ->
    case R rem 5 of
        0 -> R rem 150;
        1 -> float(R rem 40);
        2 -> {k, R rem 60};
        3 -> list_to_atom([$a + R rem 26, $a + (R div 26) rem 3]);
        4 -> integer_to_binary(R rem 50)
    end.

key_weight(K) when is_integer(K) -> K;
key_weight(K) when is_float(K) -> 2;
key_weight({k, N}) -> N + 3;
key_weight(K) when is_atom(K) -> 5;
key_weight(K) when is_binary(K) -> byte_size(K).

next_rand(R) -> (R * 1103515245 + 12345) rem 2147483648.

%% The first 1000 steps do every operation (the map grows to a balance of
%% adds and removes), the next 1000 mostly remove keys it has (it shrinks
%% back), the last 1000 grow it again.
steps(0, _, M, Ref, Log) -> {M, Ref, Log};
steps(N, R0, M, Ref, Log) ->
    R1 = next_rand(R0),
    R2 = next_rand(R1),
    Shrink = N =< 2000 andalso N > 1000,
    {Op, K} = case {not Shrink, R1 rem 10} of
                  {true, O} -> {O, key(R2 div 7)};
                  {false, O} when O < 3; Ref =:= [] -> {O, key(R2 div 7)};
                  {false, _} -> {9, element(1, lists:nth(R2 rem length(Ref) + 1, Ref))}
              end,
    {M1, Ref1} = op(Op, K, R2 rem 1000, M, Ref),
    case lists:sort(maps:to_list(M1)) =:= Ref1 andalso map_size(M1) =:= length(Ref1) of
        true -> ok;
        false -> erlang:error({mismatch, N, Op, K})
    end,
    Log1 = case N rem 100 of 0 -> [map_size(M1) | Log]; _ -> Log end,
    steps(N - 1, R2, M1, Ref1, Log1).

op(Op, K, V, M, Ref) when Op < 5 ->
    {maps:put(K, V, M), lists:ukeysort(1, [{K, V} | Ref])};
op(5, K, V, M, Ref) ->
    case lists:keymember(K, 1, Ref) of
        true -> {M#{K := V}, lists:keyreplace(K, 1, Ref, {K, V})};
        false -> {badkey, K} = try M#{K := V} catch error:E -> E end, {M, Ref}
    end;
op(6, K, _, M, Ref) ->
    case maps:take(K, M) of
        {V, M1} -> {V, V} = {V, element(2, lists:keyfind(K, 1, Ref))}, {M1, lists:keydelete(K, 1, Ref)};
        error -> false = lists:keymember(K, 1, Ref), {M, Ref}
    end;
op(7, K, V, M, Ref) ->
    Extra = maps:from_list([{K, V}, {{k, V rem 60}, V}, {V rem 150, V}]),
    {maps:merge(M, Extra), lists:ukeysort(1, maps:to_list(Extra) ++ Ref)};
op(_, K, _, M, Ref) ->
    {maps:remove(K, M), lists:keydelete(K, 1, Ref)}.
