%% iolist_to_binary/1, iolist_size/1, list_to_binary/1 on nested iolists and errors.
-module(bif_iolist).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Good = [[], "abc", [1, [2, [3, [<<4, 5>>]]]], [<<"ab">> | <<"cd">>],
            [[], [[]], <<>>], [$a, <<$b>>, [$c | <<$d>>]], <<"bin">>,
            [255, 0, [128]]],
    Bad = [[256], [-1], [a], [1 | 2], [1.0], [<<1:1>>], [[1], {2}], atom, 42],
    [{to_bin, [t(fun() -> iolist_to_binary(X) end) || X <- id(Good)]},
     {size, [t(fun() -> iolist_size(X) end) || X <- id(Good)]},
     {l2b, [t(fun() -> list_to_binary(X) end) || X <- id(Good)]},
     {bad_to_bin, [t(fun() -> iolist_to_binary(X) end) || X <- id(Bad)]},
     {bad_size, [t(fun() -> iolist_size(X) end) || X <- id(Bad)]},
     {bad_l2b, [t(fun() -> list_to_binary(X) end) || X <- id(Bad)]}].

id(X) -> X.
