%% erlang:make_tuple/2,3 including init lists, overrides and errors.
-module(bif_make_tuple).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    [{mk0, erlang:make_tuple(0, x)},
     {mk3, erlang:make_tuple(3, [])},
     {mk3_init, erlang:make_tuple(5, d, [{2, b}, {4, q}])},
     {mk3_dup, erlang:make_tuple(3, d, [{1, a}, {1, b}])},
     {mk3_empty, erlang:make_tuple(2, d, [])},
     {size_big, tuple_size(erlang:make_tuple(1000, 0))},
     {neg, t(fun() -> erlang:make_tuple(id(-1), x) end)},
     {atom, t(fun() -> erlang:make_tuple(id(a), x) end)},
     {init_oob, t(fun() -> erlang:make_tuple(2, d, id([{3, x}])) end)},
     {init_zero, t(fun() -> erlang:make_tuple(2, d, id([{0, x}])) end)},
     {init_bad, t(fun() -> erlang:make_tuple(2, d, id([x])) end)},
     {init_improper, t(fun() -> erlang:make_tuple(2, d, id([{1, a} | b])) end)},
     {too_big, t(fun() -> erlang:make_tuple(id(1 bsl 40), x) end)}].

id(X) -> X.
