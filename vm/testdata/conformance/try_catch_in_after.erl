%% Exceptions raised and caught inside after blocks; after overriding the result/exception.
-module(try_catch_in_after).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

a1() ->
    try
        body
    after
        catch throw(ignored_in_after)
    end.

a2() ->
    try
        throw(original)
    after
        try error(in_after) catch error:in_after -> put(a2, handled) end
    end.

a3() ->
    try
        throw(original)
    after
        throw(from_after)
    end.

a4() ->
    try
        value
    after
        error(after_error)
    end.

a5() ->
    try
        try throw(x) after put(a5, [inner | get_or(a5)]) end
    catch
        throw:x -> put(a5, [caught | get_or(a5)]), done
    after
        put(a5, [outer | get_or(a5)])
    end.

get_or(K) -> case get(K) of undefined -> []; V -> V end.

run(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

start() ->
    erase(),
    [{a1, run(fun a1/0)},
     {a2, run(fun a2/0), get(a2)},
     {a3, run(fun a3/0)},
     {a4, run(fun a4/0)},
     {a5, run(fun a5/0), get(a5)}].
