%% Record errors: badrecord on access/update of wrong record, update of many fields.
-module(tuple_record_errors).
-export([start/0, get_a/1, set_a/2, set_many/1, set_all/1, chain/1]).

-record(r, {a = 1, b = 2, c = 3, d = 4, e = 5}).
-record(s, {a}).

ex(F) -> try F() catch C:R -> {C, R} end.

get_a(R) -> R#r.a.
set_a(R, V) -> R#r{a = V}.
set_many(R) -> R#r{a = x, c = y, e = z}.
set_all(R) -> R#r{a = 10, b = 20, c = 30, d = 40, e = 50}.
chain(R) -> (R#r{b = R#r.a + R#r.c})#r{d = R#r.b}.

start() ->
    R = #r{},
    [{ok, get_a(R), set_a(R, 9), set_many(R), set_all(R), chain(R)},
     {bad_get, ex(fun() -> get_a(#s{a = 1}) end)},
     {bad_get2, ex(fun() -> get_a({r, 1}) end)},
     {bad_set, ex(fun() -> set_a(#s{}, 1) end)},
     {bad_set_atom, ex(fun() -> set_many(notarecord) end)},
     {bad_set_all, ex(fun() -> set_all({x, 1, 2, 3, 4, 5}) end)},
     {s_default, #s{}}].
