%% split_binary/2 at every position and invalid positions.
-module(bif_split_binary).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    B = id(<<1, 2, 3, 4>>),
    [{splits, [split_binary(B, N) || N <- [0, 1, 2, 3, 4]]},
     {empty, split_binary(<<>>, 0)},
     {neg, t(fun() -> split_binary(B, id(-1)) end)},
     {over, t(fun() -> split_binary(B, id(5)) end)},
     {bits, t(fun() -> split_binary(id(<<1:12>>), 1) end)},
     {list, t(fun() -> split_binary(id([1, 2]), 1) end)},
     {rejoin, (fun({X, Y}) -> <<X/binary, Y/binary>> end)(split_binary(B, 3)) =:= B}].

id(X) -> X.
