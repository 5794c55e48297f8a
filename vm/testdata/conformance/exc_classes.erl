%% Class-specific catch clauses: error vs exit vs throw, and unmatched rethrow.
-module(exc_classes).
-export([start/0]).

only_throw(F) -> try F() catch throw:T -> {caught_throw, T} end.
only_error(F) -> try F() catch error:E -> {caught_error, E} end.
any(F) -> try F() catch Class:Reason -> {Class, Reason} end.
wild(F) -> try F() catch _:_ -> wildcard end.
pattern(F) -> try F() catch throw:{tag, V} -> {tagged, V}; throw:Other -> {other, Other} end.

start() ->
    Th = fun() -> throw(t1) end, Er = fun() -> error(e1) end, Ex = fun() -> exit(x1) end,
    [{throw_through_error_only, any(fun() -> only_error(Th) end)},
     {error_through_throw_only, any(fun() -> only_throw(Er) end)},
     {exit_through_both, any(fun() -> only_throw(fun() -> only_error(Ex) end) end)},
     {matched, only_throw(Th), only_error(Er)},
     {wild, wild(Th), wild(Er), wild(Ex), wild(fun() -> fine end)},
     {pattern, pattern(fun() -> throw({tag, 9}) end), pattern(fun() -> throw(plain) end)},
     {pattern_miss, any(fun() -> pattern(Er) end)},
     {default_class, try throw(d) catch X -> {default, X} end},
     {default_class_error, any(fun() -> try error(d2) catch X -> {default, X} end end)}].
