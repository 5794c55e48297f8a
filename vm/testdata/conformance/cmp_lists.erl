%% List ordering: element-wise, shorter prefix first, improper tails, strings.
-module(cmp_lists).
-export([start/0]).

start() ->
    Ps = [{[], [1]}, {[1], [1, 2]}, {[1, 2], [2]}, {[a], [1]}, {"abc", "abd"},
          {"ab", "abc"}, {[1 | 2], [1, 2]}, {[1 | a], [1 | b]}, {[1 | 2], [1 | 2.0]},
          {[1, 2], [1.0, 2.0]}, {[[]], [[1]]}, {[{}], [[]]}, {"Z", "a"},
          {[1 | <<>>], [1 | []]}, {[x], []}],
    [{A, B, A < B, A == B, A =:= B} || {A, B} <- id(Ps)].

id(X) -> X.
