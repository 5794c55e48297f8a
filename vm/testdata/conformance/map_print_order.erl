%% Printed (~w) key order of small maps (<= 32 keys) with non-atom keys: term order, ints before floats.
-module(map_print_order).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

build(L) -> build(L, #{}).
build([], M) -> M;
build([K | T], M) -> build(T, M#{K => v}).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

start() ->
    [{small_ints, build([5, 3, 9, 1, 7, -4, 100000000000000000000])},
     {one_atom, build([zeta])},
     {small_mixed, build([2, "s", {t}, 1.5, <<"bin">>, [], 1, {a, b}, [x | y], 2.0, -1])},
     {int_float, build([1.0, 1, 2, 0.5])},
     {tuple_keys, build([{2}, {1, 1}, {1}, {0, 0, 0}])},
     {exact32, build(seq(1, 32))},
     {exact32_rev, build(reverse(seq(1, 32)))},
     {nested, #{{1, 2} => #{3 => 4}, [5] => #{}}}].

reverse(L) -> reverse(L, []).
reverse([], A) -> A;
reverse([H | T], A) -> reverse(T, [H | A]).
