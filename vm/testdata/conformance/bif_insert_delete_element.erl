%% erlang:insert_element/3, delete_element/2, append_element/2 and errors.
-module(bif_insert_delete_element).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    T = id({a, b, c}),
    [{ins, [erlang:insert_element(I, T, x) || I <- [1, 2, 3, 4]]},
     {ins_empty, erlang:insert_element(1, {}, x)},
     {del, [erlang:delete_element(I, T) || I <- [1, 2, 3]]},
     {del_single, erlang:delete_element(1, {x})},
     {app, erlang:append_element(T, d), erlang:append_element({}, e)},
     {ins_0, t(fun() -> erlang:insert_element(id(0), T, x) end)},
     {ins_5, t(fun() -> erlang:insert_element(id(5), T, x) end)},
     {del_0, t(fun() -> erlang:delete_element(id(0), T) end)},
     {del_4, t(fun() -> erlang:delete_element(id(4), T) end)},
     {del_empty, t(fun() -> erlang:delete_element(1, id({})) end)},
     {app_list, t(fun() -> erlang:append_element(id([a]), b) end)},
     {orig, T}].

id(X) -> X.
