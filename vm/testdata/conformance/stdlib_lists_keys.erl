%% lists: member, keyfind, keymember, keysearch, keydelete, keyreplace,
%% keytake, keystore, keymap.
-module(stdlib_lists_keys).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    L = id([{a, 1}, {b, 2}, x, {c}, {a, 3}, {1.0, one}, {2, two, extra}]),
    [{member, lists:member(x, L), lists:member(y, L), lists:member({a, 1}, L),
      lists:member(1, [1.0]), lists:member(a, id([a | b])),
      t(fun() -> lists:member(z, id([a | b])) end), t(fun() -> lists:member(z, id(a)) end)},
     {keyfind, lists:keyfind(a, 1, L), lists:keyfind(3, 2, L), lists:keyfind(1, 1, L),
      lists:keyfind(two, 2, L), lists:keyfind(extra, 3, L), lists:keyfind(c, 2, L),
      lists:keyfind(q, 1, L), lists:keyfind(a, 1, id([{a} | z])),
      t(fun() -> lists:keyfind(q, 1, id([{a} | z])) end),
      t(fun() -> lists:keyfind(a, 0, L) end), t(fun() -> lists:keyfind(a, id(x), L) end),
      t(fun() -> lists:keyfind(a, 1, id(a)) end)},
     {keymember, lists:keymember(b, 1, L), lists:keymember(z, 1, L),
      t(fun() -> lists:keymember(a, 0, L) end)},
     {keysearch, lists:keysearch(b, 1, L), lists:keysearch(z, 1, L),
      t(fun() -> lists:keysearch(a, 1, id(x)) end)},
     {keydelete, lists:keydelete(a, 1, L), lists:keydelete(1, 1, L), lists:keydelete(z, 1, L),
      lists:keydelete(c, 2, L),
      t(fun() -> lists:keydelete(a, 0, L) end), t(fun() -> lists:keydelete(a, 1, id(a)) end),
      t(fun() -> lists:keydelete(z, 1, id([{a} | b])) end)},
     {keyreplace, lists:keyreplace(a, 1, L, {new}), lists:keyreplace(z, 1, L, {new}),
      lists:keyreplace(2, 2, L, {b, 20}),
      t(fun() -> lists:keyreplace(a, 1, L, id(notuple)) end),
      t(fun() -> lists:keyreplace(a, -1, L, {n}) end)},
     {keytake, lists:keytake(a, 1, L), lists:keytake(z, 1, L), lists:keytake(two, 2, L),
      t(fun() -> lists:keytake(a, 1, id(a)) end)},
     {keystore, lists:keystore(b, 1, L, {b, 22}), lists:keystore(z, 1, L, {z, 0}),
      lists:keystore(z, 1, [], {z}),
      t(fun() -> lists:keystore(z, 1, L, id(z)) end)},
     {keymap, lists:keymap(fun(V) -> V * 100 end, 2, [{a, 1}, {b, 2}]),
      lists:keymap(fun atom_to_list/1, 1, [{a, 1}, {b, 2, 3}]),
      lists:keymap(fun(V) -> V end, 1, []),
      t(fun() -> lists:keymap(fun(V) -> V end, 2, [{a}]) end),
      t(fun() -> lists:keymap(fun(V) -> V end, 0, []) end),
      t(fun() -> lists:keymap(fun(V) -> V end, 1, [notuple]) end)}].
