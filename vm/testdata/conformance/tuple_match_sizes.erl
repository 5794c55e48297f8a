%% Pattern matching on tuples of many sizes (select_tuple_arity, test_arity).
-module(tuple_match_sizes).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

arity({}) -> 0;
arity({_}) -> 1;
arity({_, _}) -> 2;
arity({_, _, _}) -> 3;
arity({_, _, _, _}) -> 4;
arity({_, _, _, _, _}) -> 5;
arity({_, _, _, _, _, _, _, _, _, _}) -> 10;
arity(T) when is_tuple(T) -> {other, tuple_size(T)};
arity(_) -> not_tuple.

sum_t({A}) -> A;
sum_t({A, B}) -> A + B;
sum_t({A, B, C}) -> A + B + C;
sum_t({A, B, C, D}) -> A + B + C + D.

first_eq({X, X}) -> same;
first_eq({X, _, X}) -> ends_same;
first_eq({_, _}) -> diff2;
first_eq(_) -> other.

big({A, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, Z}) -> {A, Z}.

start() ->
    Ts = [{}, {a}, {a, b}, {a, b, c}, {1, 2, 3, 4}, {1, 2, 3, 4, 5}, {1, 2, 3, 4, 5, 6},
          list_to_tuple(seq(1, 10)), list_to_tuple(seq(1, 300)), [a], 7],
    [{arity, [arity(T) || T <- Ts]},
     {sum, [sum_t(T) || T <- [{1}, {1, 2}, {1, 2, 3}, {1, 2, 3, 4}]]},
     {eq, [first_eq(T) || T <- [{a, a}, {a, b}, {x, y, x}, {x, y, z}, {1, 1.0}]]},
     {big, big(list_to_tuple(seq(1, 20)))},
     {case_arity, [case T of {_, _} -> two; {_, _, _} -> three; _ -> any end || T <- Ts]}].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
