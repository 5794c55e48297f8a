%% gb_trees: a tree of 20000 integer keys built by inserts in a scrambled
%% order (so paths grow too deep and get rebuilt), read back with lookup
%% and get, then half the keys updated with enter and deleted.
-module(bench_gb_trees).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(10, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

-define(N, 20000).

run() ->
    T0 = insert_all(0, gb_trees:empty()),
    Sum = lookup_all(0, T0, 0),
    T1 = enter_half(0, T0),
    T2 = delete_half(0, T1),
    {Sum, gb_trees:size(T2), erlang:phash2(gb_trees:to_list(T2))}.

key(I) -> (I * 7919) rem ?N.

insert_all(?N, T) -> T;
insert_all(I, T) -> insert_all(I + 1, gb_trees:insert(key(I), I, T)).

lookup_all(?N, _, Acc) -> Acc;
lookup_all(I, T, Acc) ->
    {value, V} = gb_trees:lookup(key(I), T),
    lookup_all(I + 1, T, Acc + V + gb_trees:get(I, T)).

enter_half(I, T) when I >= ?N -> T;
enter_half(I, T) -> enter_half(I + 2, gb_trees:enter(key(I), -I, T)).

delete_half(I, T) when I >= ?N -> T;
delete_half(I, T) -> delete_half(I + 2, gb_trees:delete(key(I + 1), T)).
