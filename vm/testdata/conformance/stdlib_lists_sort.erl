%% lists: sort/1,2, usort/1,2, keysort, ukeysort: ordering of mixed
%% terms, stability, duplicates, larger pseudo-random inputs, errors.
-module(stdlib_lists_sort).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

%% A deterministic pseudo-random list of integers.
rand_list(0, _) -> [];
rand_list(N, S) ->
    S1 = (S * 1103515245 + 12345) rem 2147483648,
    [S1 rem 1000 | rand_list(N - 1, S1)].

isort([]) -> [];
isort([H | T]) -> insert(H, isort(T)).

insert(X, [Y | T]) when X > Y -> [Y | insert(X, T)];
insert(X, L) -> [X | L].

start() ->
    Mixed = id([b, 3, "str", {1, 2}, 2.5, [], {0}, <<"bin">>, a, -7, {1, 1}, [x], 3]),
    R = rand_list(500, 42),
    Pairs = [{X rem 7, I} || {I, X} <- lists:enumerate(rand_list(300, 7))],
    Desc = fun(A, B) -> A >= B end,
    ByFirst = fun({A, _}, {B, _}) -> A =< B end,
    [{sort1, lists:sort(Mixed), lists:sort([]), lists:sort([x]), lists:sort([2, 1]),
      lists:sort(lists:seq(10, 1, -1)), lists:sort(R) =:= isort(R),
      lists:sort(lists:seq(1, 100)) =:= lists:seq(1, 100),
      lists:sort(lists:reverse(R)) =:= lists:sort(R),
      t(fun() -> lists:sort(id(a)) end), t(fun() -> lists:sort(id([2, 1 | a])) end)},
     {sort2, lists:sort(Desc, [3, 1, 4, 1, 5, 9, 2, 6]),
      lists:sort(ByFirst, [{2, a}, {1, b}, {2, c}, {1, d}, {0, e}, {2, f}]),
      lists:sort(ByFirst, Pairs) =:= lists:keysort(1, Pairs),
      lists:sort(Desc, R) =:= lists:reverse(isort(R)),
      lists:sort(ByFirst, []), t(fun() -> lists:sort(id(notfun), [x]) end),
      t(fun() -> lists:sort(id(notfun), [2, 1]) =:= error end),
      t(fun() -> lists:sort(id(notfun), []) end)},
     {usort1, lists:usort([3, 1, 2, 3, 1, b, a, b]), lists:usort([1, 1.0, 2]),
      lists:usort([1.0, 1, 2, 1]), lists:usort([]),
      lists:usort(R) =:= lists:usort(lists:reverse(R)),
      length(lists:usort(R)), t(fun() -> lists:usort(id(a)) end)},
     {usort2, lists:usort(ByFirst, [{2, a}, {1, b}, {2, c}, {1, d}, {0, e}]),
      lists:usort(Desc, [1, 3, 2, 3, 1]), lists:usort(ByFirst, []),
      t(fun() -> lists:usort(id(nf), []) end)},
     {keysort, lists:keysort(2, [{a, 3}, {b, 1}, {c, 2}, {d, 1}, {e, 3}]),
      lists:keysort(1, Pairs) =:= [P || K <- lists:seq(0, 6), {K1, _} = P <- Pairs, K1 =:= K],
      lists:keysort(1, [x]), lists:keysort(3, []),
      t(fun() -> lists:keysort(0, [{a}]) end), t(fun() -> lists:keysort(1, [{a}, b]) end),
      t(fun() -> lists:keysort(2, [{a, 1}, {b}]) end),
      t(fun() -> lists:keysort(1, id(a)) end)},
     {ukeysort, lists:ukeysort(2, [{a, 3}, {b, 1}, {c, 2}, {d, 1}, {e, 3}]),
      lists:ukeysort(1, Pairs), lists:ukeysort(1, [{1, a}, {1.0, b}]),
      lists:ukeysort(1, [x]), t(fun() -> lists:ukeysort(1, [{a}, b]) end)}].
