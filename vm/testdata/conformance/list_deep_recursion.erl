%% Deep body recursion (100000 levels) building and summing lists.
-module(list_deep_recursion).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

build(0) -> [];
build(N) -> [N | build(N - 1)].

depth(0) -> 0;
depth(N) -> 1 + depth(N - 1).

nest(0, Acc) -> Acc;
nest(N, Acc) -> nest(N - 1, [Acc]).

unnest([X]) -> 1 + unnest(X);
unnest([]) -> 0.

append([], L) -> L;
append([H | T], L) -> [H | append(T, L)].

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

start() ->
    L = build(100000),
    [{sum, sum(L)},
     {depth, depth(100000)},
     {len, len(append(L, L))},
     {unnest, unnest(nest(50000, []))},
     {hd, hd(L), hd(tl(L))},
     {length_bif, length(L)}].
