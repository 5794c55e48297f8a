%% [H|T] matching of various shapes in function heads and case expressions.
-module(list_head_tail_match).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

shape([]) -> empty;
shape([_]) -> one;
shape([_, _]) -> two;
shape([X, X | _]) -> {dup_start, X};
shape([_, _ | _]) -> many;
shape(_) -> not_list.

pairs([A, B | T]) -> [{A, B} | pairs(T)];
pairs([A]) -> [{A}];
pairs([]) -> [].

first_two(L) ->
    case L of
        [{K, V} | _] when is_atom(K) -> {kv, K, V};
        [[H | _] | _] -> {nested_head, H};
        [H | [H2 | _]] -> {two, H, H2};
        [H] -> {one, H};
        _ -> other
    end.

zip([A | As], [B | Bs]) -> [{A, B} | zip(As, Bs)];
zip(_, _) -> [].

err({'EXIT', {R, _}}) -> {'EXIT', R};
err(V) -> V.

start() ->
    [{shape, [shape(X) || X <- [[], [1], [1, 2], [3, 3, 3], [1, 2, 3], foo, [a | b]]]},
     {pairs, pairs([1, 2, 3, 4, 5])},
     {first, [first_two(X) || X <- [[{a, 1}], [[x, y], 2], [1, 2], [9], []]]},
     {zip, zip([1, 2, 3], [a, b])},
     {hd, err(catch hd([]))},
     {tl, err(catch tl(foo))},
     {hdtl, hd([[1] | 2]), tl([1 | [2]])},
     {bind, begin [P | Q] = "xyz", {P, Q} end}].
