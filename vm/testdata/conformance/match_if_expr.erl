%% if expressions: multiple guards, true fallthrough, if_clause error, nested ifs.
-module(match_if_expr).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

sign(X) ->
    if X > 0 -> pos;
       X < 0 -> neg;
       true -> zero
    end.

grade(S) ->
    if S >= 90 -> a;
       S >= 80 -> b;
       S >= 70 -> c;
       S >= 60, S < 70 -> d;
       true -> f
    end.

strict(X) ->
    if is_atom(X) -> atom;
       is_list(X); is_tuple(X) -> container
    end.

nested(X, Y) ->
    if X > Y ->
            if X - Y > 10 -> much_bigger; true -> bigger end;
       X =:= Y -> same;
       true -> smaller
    end.

start() ->
    [{sign, [sign(X) || X <- [5, -5, 0, 0.0, -0.5]]},
     {grade, [grade(S) || S <- [95, 85, 75, 65, 55]]},
     {strict, [try strict(X) catch error:E -> E end || X <- [a, [1], {}, 3]]},
     {nested, [nested(X, Y) || {X, Y} <- [{20, 1}, {5, 1}, {3, 3}, {1, 3}]]}].
