%% dict (Erlang in avm's bundled stdlib): every export and its errors, and
%% how the hash table grows and shrinks. OTP 25 places keys with
%% erlang:phash/2, which avm lacks, so avm's dict uses phash2/2: the order
%% of to_list/fold/fetch_keys and the buckets differ, and this program
%% compares sorted lists and the table's header, {dict, Size, N, MaxN,
%% Bso, ExpSize, ConSize}, without its buckets.
-module(stdlib_dict).
-export([start/0]).

err(F) -> try F() catch error:R -> {error, R} end.

numbers(N) -> dict:from_list([{I, I * I} || I <- lists:seq(1, N)]).

header(D) -> list_to_tuple(lists:sublist(tuple_to_list(D), 7)).

sorted(D) -> lists:sort(dict:to_list(D)).

start() ->
    E = dict:new(),
    D = dict:from_list([{a, 1}, {b, 2}, {c, 3}, {a, 10}]),
    Mixed = dict:from_list([{1, int}, {1.0, float}, {"s", string}, {<<"b">>, binary}, {{t}, tuple}, {[], nil}]),
    N100 = numbers(100),
    Grown = numbers(300),
    Shrunk = lists:foldl(fun dict:erase/2, Grown, lists:seq(1, 280)),
    [{new, header(E), dict:is_empty(E), dict:is_empty(D), dict:size(E), dict:size(D), dict:to_list(E)},
     {from_list, header(D), sorted(D), header(Mixed), sorted(Mixed)},
     {grow, [header(numbers(N)) || N <- [79, 80, 81, 85, 100, 160, 161, 300, 1000]], sorted(N100)},
     {big, dict:size(Grown), lists:sort(dict:fetch_keys(Grown)) =:= lists:seq(1, 300)},
     {shrink, header(Shrunk), sorted(Shrunk),
      [header(lists:foldl(fun dict:erase/2, Grown, lists:seq(1, N))) || N <- [1, 60, 61, 62, 200, 299, 300]]},
     {is_key, dict:is_key(a, D), dict:is_key(z, D), dict:is_key(1.0, Mixed), dict:is_key(2.0, numbers(3))},
     {fetch, dict:fetch(b, D), dict:fetch(1.0, Mixed), dict:fetch(1, Mixed), err(fun() -> dict:fetch(z, D) end)},
     {find, dict:find(c, D), dict:find(z, D), dict:find(1, Mixed), dict:find(2.0, numbers(3))},
     {fetch_keys, lists:sort(dict:fetch_keys(D)), dict:fetch_keys(E)},
     {store, sorted(dict:store(b, 20, D)), sorted(dict:store(z, 26, D)), header(dict:store(81, x, numbers(80)))},
     {erase, sorted(dict:erase(a, D)), sorted(dict:erase(z, D)), sorted(dict:erase(1, Mixed))},
     {take, setelement(2, dict:take(a, D), sorted(element(2, dict:take(a, D)))), dict:take(z, D),
      header(element(2, dict:take(161, numbers(161))))},
     {append, sorted(dict:append(l, x, dict:append(l, y, E))), sorted(dict:append_list(l, [p, q], dict:store(l, [o], E))),
      err(fun() -> dict:append(a, x, D) end)},
     {update, sorted(dict:update(a, fun(V) -> V * 2 end, D)), err(fun() -> dict:update(z, fun(V) -> V end, D) end),
      sorted(dict:update(z, fun(V) -> V end, 0, D)), sorted(dict:update(a, fun(V) -> -V end, 0, D))},
     {update_counter, sorted(dict:update_counter(a, 5, D)), sorted(dict:update_counter(n, 1.5, D)),
      err(fun() -> dict:update_counter(a, x, D) end), err(fun() -> dict:update_counter(l, 1, dict:store(l, x, E)) end)},
     {fold, lists:sort(dict:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], D)),
      dict:fold(fun(_, V, Acc) -> V + Acc end, 0, N100)},
     {map, sorted(dict:map(fun(K, V) -> {K, V} end, D)), header(dict:map(fun(_, V) -> V end, Grown))},
     {filter, sorted(dict:filter(fun(K, _) -> K =/= b end, D)), header(dict:filter(fun(K, _) -> K > 290 end, Grown)),
      sorted(dict:filter(fun(K, _) -> K > 290 end, Grown)), header(dict:filter(fun(_, _) -> false end, E))},
     {merge, sorted(dict:merge(fun(K, V1, V2) -> {K, V1, V2} end, D, dict:from_list([{b, x}, {y, z}]))),
      sorted(dict:merge(fun(_, V1, V2) -> V1 + V2 end, numbers(30), numbers(50))),
      header(dict:merge(fun(_, V1, V2) -> V1 + V2 end, numbers(90), numbers(50)))},
     {bad, err(fun() -> dict:fold(x, 0, D) end), err(fun() -> dict:size(x) end), err(fun() -> dict:from_list([a]) end)}].
