%% Map equality and ordering: by size first, then keys (term order), then values.
-module(map_compare).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

isort(L) -> isort(L, []).
isort([], A) -> A;
isort([H | T], A) -> isort(T, ins(H, A)).
ins(X, [H | T]) when X > H -> [H | ins(X, T)];
ins(X, L) -> [X | L].

start() ->
    Ms = [#{1 => b}, #{}, #{1 => a, 2 => a}, #{2 => a}, #{1 => a}, #{1.0 => a}, #{0 => z}],
    [{eq, #{1 => a} == #{1 => a}, #{1 => a} =:= #{1.0 => a}, #{1 => a} == #{1.0 => a},
      #{a => 1} == #{a => 1.0}, #{a => 1} =:= #{a => 1.0}},
     {lt, #{} < #{1 => a}, #{1 => z} < #{1 => a, 2 => b}, #{1 => a} < #{2 => a},
      #{1 => a} < #{1 => b}},
     {sorted, isort(Ms)},
     {vs_other, #{} > {}, #{} < [], #{} > 1000, #{} < <<>>},
     {eq_after_update, (#{1 => a})#{2 => b} =:= #{2 => b, 1 => a}},
     {atom_key_eq, #{x => 1, y => 2} =:= #{y => 2, x => 1}, #{x => 1, y => 2} == #{x => 1}}].
