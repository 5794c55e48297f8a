%% length/1, hd/1, tl/1 on proper and improper lists, and badarg cases.
-module(bif_length_hd_tl).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    [{len, length([]), length([a]), length("hello"), length([[1, 2], 3])},
     {hd, hd([1, 2]), hd([x | y])},
     {tl, tl([1, 2]), tl([x | y]), tl([z])},
     {len_improper, t(fun() -> length(id([1, 2 | 3])) end)},
     {len_atom, t(fun() -> length(id(a)) end)},
     {hd_nil, t(fun() -> hd(id([])) end)},
     {tl_nil, t(fun() -> tl(id([])) end)},
     {hd_tuple, t(fun() -> hd(id({1})) end)},
     {guard, [g(X) || X <- [[1], [], [1 | 2], a, [1, 2, 3]]]}].

g(X) when length(X) > 2 -> long;
g(X) when hd(X) =:= 1 -> head1;
g(_) -> other.

id(X) -> X.
