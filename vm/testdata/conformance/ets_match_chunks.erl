%% ets:match/3, match_object/3, select/3 and select_reverse with limits and
%% continuations (repaired after term_to_binary too); select_replace/2;
%% first/last/next/prev; safe_fixtable/2.
-module(ets_match_chunks).
-export([start/0]).

err(F) -> try F() catch C:R -> {C, R} end.

all(First, Next) -> all(First, Next, []).
all('$end_of_table', _, Acc) -> lists:reverse(Acc);
all({Items, Cont}, Next, Acc) -> all(Next(Cont), Next, [Items | Acc]).

ordered() ->
    T = ets:new(o, [ordered_set]),
    ets:insert(T, [{I, I * I, I rem 3} || I <- lists:seq(1, 10)]),
    MS = [{{'$1', '$2', '$3'}, [{'=/=', '$3', 0}], ['$1']}],
    [{select_chunks, all(ets:select(T, MS, 3), fun ets:select/1)},
     {repaired, repaired(T, MS)},
     {select_reverse_chunks, all(ets:select_reverse(T, MS, 4), fun ets:select_reverse/1)},
     {select_reverse, ets:select_reverse(T, MS)},
     {match_chunks, all(ets:match(T, {'$1', '_', 0}, 2), fun ets:match/1)},
     {match_object_chunks, all(ets:match_object(T, {'_', '_', 1}, 2), fun ets:match_object/1)},
     {exact_limit, all(ets:select(T, [{{'$1', '_', '_'}, [{'<', '$1', 5}], ['$1']}], 4), fun ets:select/1)},
     {big_limit, ets:select(T, [{{'$1', '_', '_'}, [{'<', '$1', 3}], ['$1']}], 100)},
     {empty, ets:select(T, [{{'$1', '_', '_'}, [{'>', '$1', 100}], ['$1']}], 5)},
     {end_of_table, ets:select('$end_of_table'), ets:match('$end_of_table')},
     {changed_between, begin
                           {First, Cont} = ets:select(T, [{{'$1', '_', '_'}, [], ['$1']}], 3),
                           ets:delete(T, 4), ets:insert(T, {100, 0, 0}),
                           {First, all(ets:select(Cont), fun ets:select/1)}
                       end},
     {first_last, ets:first(T), ets:last(T), ets:next(T, 3), ets:prev(T, 3), ets:next(T, 4),
      ets:prev(T, 1), ets:next(T, 100)},
     {select_replace, ets:select_replace(T, [{{'$1', '$2', 1}, [], [{{'$1', {'+', '$2', 1000}, 1}}]}]),
      ets:match_object(T, {'_', '_', 1})},
     {select_replace_key, err(fun() -> ets:select_replace(T, [{{'$1', '$2', 1}, [], [{{x, '$2', 1}}]}]) end)}].

unordered() ->
    T = ets:new(s, [set]),
    ets:insert(T, [{I, I rem 2} || I <- lists:seq(1, 20)]),
    Chunks = all(ets:select(T, [{{'$1', 0}, [], ['$1']}], 3), fun ets:select/1),
    [{chunk_sizes, [length(C) || C <- Chunks] -- [3]},
     {chunk_all, lists:sort(lists:append(Chunks))},
     {reverse_same, lists:sort(ets:select_reverse(T, [{{'$1', 1}, [], ['$1']}]))},
     {key_lookup, ets:select(T, [{{7, '$1'}, [], ['$1']}])},
     {replace, ets:select_replace(T, [{{'$1', 1}, [{'<', '$1', 6}], [{{'$1', odd}}]}]),
      lists:sort(ets:match_object(T, {'_', odd}))},
     {match_object_limit_all, lists:sort(lists:append(all(ets:match_object(T, {'_', 0}, 4), fun ets:match_object/1)))},
     {fixed_walk, fixed_walk(T)}].

%% A continuation that went through the external format, repaired.
repaired(T, MS) ->
    {First, Cont} = ets:select(T, MS, 2),
    Back = ets:repair_continuation(binary_to_term(term_to_binary(Cont)), MS),
    {First, all(ets:select(Back), fun ets:select/1), ets:repair_continuation('$end_of_table', MS)}.

%% Walks a fixed table with first/next, deleting each key before stepping
%% from it.
fixed_walk(T) ->
    true = ets:safe_fixtable(T, true),
    Walk = fun W('$end_of_table', Acc) -> Acc;
               W(K, Acc) -> ets:delete(T, K), W(ets:next(T, K), [K | Acc])
           end,
    Keys = Walk(ets:first(T), []),
    true = ets:safe_fixtable(T, false),
    {lists:sort(Keys), ets:info(T, size)}.

start() ->
    [{ordered, ordered()}, {unordered, unordered()}].
