%% Improper lists: construction, matching, length/badarg, ++ on improper tails.
-module(list_improper).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

tail_of([_ | T]) -> tail_of(T);
tail_of(X) -> X.

count([_ | T]) -> 1 + count(T);
count(_) -> 0.

err({'EXIT', {R, _}}) -> {'EXIT', R};
err(V) -> V.

start() ->
    A = [1 | 2],
    B = [1, 2 | 3],
    C = [a, b | [c | d]],
    [{a, A, hd(A), tl(A)},
     {b, B, tail_of(B), count(B)},
     {c, C, tail_of(C), count(C)},
     {is_list, is_list(A), is_list([]), is_list(tl(A))},
     {length, err(catch length(A))},
     {append_ok, [x] ++ A},
     {append_bad, err(catch (A ++ [y]))},
     {append_tail_atom, [1, 2] ++ foo},
     {nil_tail, [] ++ bar},
     {match, case B of [X, Y | Z] -> {X, Y, Z} end},
     {nested_improper, [[1 | 2] | [3 | 4]]},
     {cmp, [1 | 2] < [1, 2], [1 | 2] == [1 | 2.0], [1 | 2] =:= [1 | 2.0]}].
