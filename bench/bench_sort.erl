%% Lists through the library: build a pseudo-random list, sort it (merge
%% sort in lists:sort/1 and a hand-written quicksort), reverse, map, filter
%% and fold it.
-module(bench_sort).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(20, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() ->
    L = random_list(5000, 42, []),
    Sorted = lists:sort(L),
    Sorted = qsort(L),
    Rev = lists:reverse(Sorted),
    Evens = lists:filter(fun(X) -> X band 1 =:= 0 end, Rev),
    Doubled = lists:map(fun(X) -> X * 2 end, Evens),
    Unique = lists:usort(L),
    lists:foldl(fun(X, Acc) -> (Acc * 31 + X) rem 1000000007 end, 0, Doubled)
        + length(Unique) + hd(Sorted) + lists:last(Sorted).

%% A linear congruential generator: the same list on every VM.
random_list(0, _, Acc) -> Acc;
random_list(N, Seed, Acc) ->
    Next = (Seed * 1103515245 + 12345) band 16#7FFFFFFF,
    random_list(N - 1, Next, [Next rem 100000 | Acc]).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P | qsort([X || X <- T, X >= P])].
