%% lists:reverse/1,2, member/2, keyfind/3, keymember/3 (Go natives in avm),
%% with their edge cases and error reasons.
-module(stdlib_natives_lists).
-export([start/0]).

err(F) -> try F() catch C:R -> {C, R} end.

start() ->
    L = [{a, 1}, {b, 2.0}, {c, 3, x}, notatuple, {}],
    [{reverse, lists:reverse([1, 2, 3]), lists:reverse([]), lists:reverse([1, 2], [3 | tail]),
      err(fun() -> lists:reverse([1 | 2]) end), err(fun() -> lists:reverse(x) end)},
     {member, lists:member(2, [1, 2, 3]), lists:member(2.0, [1, 2, 3]), lists:member(x, []),
      err(fun() -> lists:member(x, [a | b]) end)},
     {keyfind, lists:keyfind(b, 1, L), lists:keyfind(2, 2, L), lists:keyfind(x, 3, L),
      lists:keyfind(z, 1, L), lists:keyfind(a, 5, L), err(fun() -> lists:keyfind(a, 0, L) end),
      err(fun() -> lists:keyfind(a, 1, [{a, 1} | b]) end), lists:keyfind(a, 1, [{a, 1} | b])},
     {keymember, lists:keymember(c, 1, L), lists:keymember(q, 1, L),
      err(fun() -> lists:keymember(a, x, L) end)}].
