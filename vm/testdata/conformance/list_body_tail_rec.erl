%% Body-recursive vs tail-recursive list functions (len, sum, map, reverse).
-module(list_body_tail_rec).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

len_acc(L) -> len_acc(L, 0).
len_acc([], N) -> N;
len_acc([_ | T], N) -> len_acc(T, N + 1).

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

sum_acc([], A) -> A;
sum_acc([H | T], A) -> sum_acc(T, A + H).

double([]) -> [];
double([H | T]) -> [2 * H | double(T)].

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

seq(N, N) -> [N];
seq(I, N) when I < N -> [I | seq(I + 1, N)].

last([X]) -> X;
last([_ | T]) -> last(T).

nth(1, [H | _]) -> H;
nth(N, [_ | T]) -> nth(N - 1, T).

start() ->
    L = seq(1, 10),
    [{len, len(L), len_acc(L), len([])},
     {sum, sum(L), sum_acc(L, 0)},
     {double, double(L)},
     {rev, rev(L), rev([]), rev([a])},
     {last, last(L)},
     {nth, nth(3, L), nth(10, L)},
     {seq, seq(5, 5), seq(-2, 2)},
     {big_sum, sum_acc(seq(1, 1000), 0)}].
