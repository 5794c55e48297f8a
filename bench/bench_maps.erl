%% Maps: small (at most 32 keys) and large ones, built with put, read with
%% get and map_get, changed with the update syntax, then folded.
-module(bench_maps).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(25, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() -> large(2000) + small(2000).

%% One map of N integer keys: put all, bump each with :=, read all back.
large(N) ->
    M0 = put_all(N, #{}),
    M1 = bump(N, M0),
    Sum = get_all(N, M1, 0),
    Sum + maps:size(M1) + maps:fold(fun(K, V, Acc) -> (Acc + K * V) rem 1000000007 end, 0, M1).

put_all(0, M) -> M;
put_all(K, M) -> put_all(K - 1, maps:put(K, K * K rem 1009, M)).

bump(0, M) -> M;
bump(K, M) -> #{K := V} = M, bump(K - 1, M#{K := V + 1}).

get_all(0, _, Acc) -> Acc;
get_all(K, M, Acc) -> get_all(K - 1, M, Acc + maps:get(K, M) + maps:get(-K, M, 0)).

%% Many records as small atom-keyed maps, as programs use them.
small(N) -> small(N, #{count => 0, sum => 0, max => 0, last => none}).

small(0, #{count := C, sum := S, max := Mx}) -> C + S + Mx;
small(K, #{count := C, sum := S, max := Mx} = St) ->
    V = (K * 7919) rem 1013,
    small(K - 1, St#{count := C + 1, sum := S + V, max := max(Mx, V), last := K}).
