%% Nested case expressions, case on tuples of computed values, case_clause errors.
-module(match_case_nested).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

fizz(N) ->
    case {N rem 3, N rem 5} of
        {0, 0} -> fizzbuzz;
        {0, _} -> fizz;
        {_, 0} -> buzz;
        _ -> N
    end.

classify(X) ->
    case is_list(X) of
        true ->
            case X of
                [] -> empty_list;
                [_] -> singleton;
                _ -> list
            end;
        false ->
            case X of
                {_, _} -> pair;
                _ when is_number(X) ->
                    case X > 0 of
                        true -> pos_num;
                        false -> nonpos_num
                    end;
                _ -> other
            end
    end.

strict(X) -> case X of a -> 1; b -> 2 end.

start() ->
    [{fizz, [fizz(N) || N <- seq(1, 15)]},
     {classify, [classify(X) || X <- [[], [1], [1, 2], {a, b}, 5, -5, 0.0, atom]]},
     {case_clause, [try strict(X) catch error:E -> E end || X <- [a, b, c, {d}]]}].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
