%% Maps with 31/32/33/40/100 keys (crossing the flatmap/hashmap boundary), built and queried.
-module(map_many_keys).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

build(N) -> build(1, N, #{}).
build(I, N, M) when I > N -> M;
build(I, N, M) -> build(I + 1, N, M#{I => I * I}).

sum_vals(M, N) -> sum_vals(M, 1, N, 0).
sum_vals(_, I, N, A) when I > N -> A;
sum_vals(M, I, N, A) -> #{I := V} = M, sum_vals(M, I + 1, N, A + V).

remove_odd(M, N) -> remove_odd(M, 1, N).
remove_odd(M, I, N) when I > N -> M;
remove_odd(M, I, N) when I rem 2 =:= 1 -> remove_odd(erlang:map_get(I, M) >= 0 andalso rebuild_without(M, I, N), I + 1, N);
remove_odd(M, I, N) -> remove_odd(M, I + 1, N).

rebuild_without(M, K, N) ->
    build_from(M, K, 1, N, #{}).
build_from(_, _, I, N, Acc) when I > N -> Acc;
build_from(M, K, I, N, Acc) ->
    case M of
        #{I := V} when I =/= K -> build_from(M, K, I + 1, N, Acc#{I => V});
        _ -> build_from(M, K, I + 1, N, Acc)
    end.

start() ->
    Sizes = [31, 32, 33, 40, 100],
    Ms = [build(N) || N <- Sizes],
    M40 = build(40),
    M100 = build(100),
    [{sizes, [map_size(M) || M <- Ms]},
     {sums, [sum_vals(M, N) || {M, N} <- zip(Ms, Sizes)]},
     {get, map_get(33, M40), map_get(100, M100), is_map_key(101, M100)},
     {upd, map_get(50, M100#{50 := x}), map_size(M100#{50 := x, 200 => y})},
     {eq, build(40) =:= M40, M40 =:= M100, M40 == build(40)},
     {remove_odd, map_size(remove_odd(build(34), 34))},
     {small_to_big_eq, build(33) =:= (build(32))#{33 => 1089}}].

zip([A | As], [B | Bs]) -> [{A, B} | zip(As, Bs)];
zip([], []) -> [].
