%% pk_prune: a library module of which an app calls only run/1; prune
%% tests keep what run/1 reaches (a local helper, a fun, a literal, an
%% import) and drop the rest (unused/0 and what only it names).
-module(pk_prune).
-export([run/1, unused/0, by_name/1]).

run(N) ->
    Double = fun(X) -> X * 2 end,
    {lists:map(Double, helper(N)), #{kept => [1, 2, 3]}}.

helper(N) ->
    lists:seq(1, N).

unused() ->
    Big = [{dropped_atom, I} || I <- big_literal()],
    io:format("~p~n", [lists:reverse(Big)]),
    fun(Y) -> Y + length(Big) end.

big_literal() ->
    [one, two, three, four, five, six, seven, eight, nine, ten].

by_name(F) ->
    ?MODULE:F(3).
