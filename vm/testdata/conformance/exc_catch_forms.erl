%% The catch Expr form for values, throws, errors and exits (stack trimmed).
-module(exc_catch_forms).
-export([start/0]).

trim({'EXIT', {R, St}}) when is_list(St) -> {'EXIT', R, stack};
trim(X) -> X.

thrower(X) -> throw(X).

start() ->
    [{value, catch 1 + 2},
     {throw, catch thrower(ball)},
     {throw_tuple, catch thrower({'EXIT', fake})},
     {error, trim(catch error(e))},
     {exit, catch exit(ex)},
     {exit_tuple, catch exit({a, b})},
     {badarith, trim(catch id(a) + 1)},
     {nested, catch (catch thrower(inner))},
     {in_expr, [catch thrower(N) || N <- [1, 2]]},
     {match, begin X = (catch thrower(7)), {X, X} end},
     {precedence, (catch thrower(1)) + 1}].

id(X) -> X.
