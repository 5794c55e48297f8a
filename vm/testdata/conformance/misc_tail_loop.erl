%% Tail calls in long loops: 10 million iterations counting, plus accumulators (no stack growth).
-module(misc_tail_loop).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

sum_to(N) -> sum_to(N, 0).
sum_to(0, A) -> A;
sum_to(N, A) -> sum_to(N - 1, A + N).

loop3(0, A, B, C) -> {A, B, C};
loop3(N, A, B, C) -> loop3(N - 1, B, C, A + 1).

via_case(N, Acc) ->
    case N of
        0 -> Acc;
        _ when N rem 2 =:= 0 -> via_case(N - 1, Acc + 2);
        _ -> via_case(N - 1, Acc - 1)
    end.

start() ->
    [{count, count(10000000, 0)},
     {sum_to, sum_to(1000000)},
     {loop3, loop3(1000001, 0, 0, 0)},
     {via_case, via_case(1000000, 0)}].
