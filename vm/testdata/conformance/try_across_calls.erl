%% Exceptions crossing several function boundaries, with partial handlers and rethrows.
-module(try_across_calls).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

level3(X) when X > 100 -> error({too_big, X});
level3(X) when X < 0 -> throw({negative, X});
level3(0) -> exit(zero);
level3(X) -> X * 2.

level2(X) ->
    try level3(X) of
        R -> R + 1
    catch
        throw:{negative, N} -> {fixed, -N}
    end.

level1(X) ->
    try level2(X)
    catch
        error:{too_big, _} = E -> {l1_caught, E}
    end.

top(X) ->
    try level1(X)
    catch
        Class:Reason -> {top, Class, Reason}
    end.

deep(0) -> throw(bottom);
deep(N) -> 1 + deep(N - 1).

deep_catch(N) -> try deep(N) catch throw:bottom -> {caught_at_depth, N} end.

start() ->
    [{vals, [top(X) || X <- [5, -3, 200, 0]]},
     {deep, deep_catch(10000)},
     {non_tail, [try level3(X) catch _:_ -> failed end || X <- [1, -1, 101]]}].
