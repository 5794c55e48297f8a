%% Every type-test BIF used in a guard, over values of every kind.
-module(type_guards_all).
-export([start/0]).

vals() ->
    [{int, 1}, {big, 1 bsl 90}, {float, 1.5}, {atom, a}, {bool, true},
     {nil, []}, {list, [1]}, {improper, [1 | 2]}, {tuple, {}}, {map, #{}},
     {bin, <<1>>}, {bits, <<1:1>>}, {'fun', fun() -> ok end},
     {pid, self()}, {ref, make_ref()}].

c(X) ->
    [if is_atom(X) -> atom; true -> '-' end,
     if is_binary(X) -> binary; true -> '-' end,
     if is_bitstring(X) -> bitstring; true -> '-' end,
     if is_boolean(X) -> boolean; true -> '-' end,
     if is_float(X) -> float; true -> '-' end,
     if is_function(X) -> function; true -> '-' end,
     if is_integer(X) -> integer; true -> '-' end,
     if is_list(X) -> list; true -> '-' end,
     if is_map(X) -> map; true -> '-' end,
     if is_number(X) -> number; true -> '-' end,
     if is_pid(X) -> pid; true -> '-' end,
     if is_port(X) -> port; true -> '-' end,
     if is_reference(X) -> reference; true -> '-' end,
     if is_tuple(X) -> tuple; true -> '-' end].

strip([]) -> [];
strip(['-' | T]) -> strip(T);
strip([H | T]) -> [H | strip(T)].

start() -> [{N, strip(c(V))} || {N, V} <- vals()].
