%% Updates (=> and :=) and matching on large (hash) maps with 40 and 100 keys.
-module(map_large_update).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

build(N) -> build(1, N, #{}).
build(I, N, M) when I > N -> M;
build(I, N, M) -> build(I + 1, N, M#{{k, I} => I}).

bump_all(M, N) -> bump_all(M, 1, N).
bump_all(M, I, N) when I > N -> M;
bump_all(M, I, N) ->
    #{{k, I} := V} = M,
    bump_all(M#{{k, I} := V + 1000}, I + 1, N).

total(M, N) -> lists_sum([map_get({k, I}, M) || I <- seq(1, N)]).

lists_sum([]) -> 0;
lists_sum([H | T]) -> H + lists_sum(T).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

start() ->
    M40 = build(40),
    M100 = build(100),
    B40 = bump_all(M40, 40),
    B100 = bump_all(M100, 100),
    [{totals, total(M40, 40), total(B40, 40), total(M100, 100), total(B100, 100)},
     {sizes, map_size(B40), map_size(B100)},
     {match, case B100 of #{{k, 1} := A, {k, 50} := B, {k, 100} := C} -> {A, B, C} end},
     {badkey, try B100#{{k, 101} := x} catch error:E -> E end},
     {eq, bump_all(build(40), 40) =:= B40, B40 =:= M40},
     {multi_upd, map_get({k, 3}, M100#{{k, 1} := a, {k, 2} := b, {k, 3} := c})},
     {shrink_no, map_size(M40#{{k, 1} => gone})}].
