%% is_boolean/1 and boolean operators on non-booleans (badarg cases).
-module(type_is_boolean).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Vs = [true, false, 'true', 'TRUE', 1, 0, [], "true", {true}],
    [{is_boolean, [is_boolean(V) || V <- Vs]},
     {and_ok, true and false, true or false, true xor true, not false},
     {and_bad, t(fun() -> id(1) and true end)},
     {or_bad, t(fun() -> false or id(x) end)},
     {not_bad, t(fun() -> not id(0) end)},
     {xor_bad, t(fun() -> id([]) xor true end)},
     {andalso_nonbool_tail, true andalso id(foo)},
     {orelse_nonbool_tail, false orelse id(bar)},
     {andalso_bad, t(fun() -> id(x) andalso true end)},
     {orelse_short, true orelse id(x)},
     {guard, [if is_boolean(V) andalso V -> t; is_boolean(V) -> f; true -> n end || V <- Vs]}].

id(X) -> X.
