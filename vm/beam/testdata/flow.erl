%% Control flow: receive with timeout, try/catch, case and records
%% defined in an include file (so the line table names two files).
-module(flow).
-export([wait/1, safe_div/2, classify/1, rec/1]).
-include("flow.hrl").

wait(T) ->
    receive
        {msg, X} -> X;
        stop -> stopped
    after T ->
        timeout
    end.

safe_div(A, B) ->
    try A div B of
        R -> {ok, R}
    catch
        error:badarith -> {error, badarith}
    end.

classify(X) ->
    case X of
        0 -> zero;
        1 -> one;
        N when is_integer(N), N < 0 -> negative;
        {_, _} -> pair;
        _ -> other
    end.

rec(P) ->
    describe(P#point{x = 1}).
