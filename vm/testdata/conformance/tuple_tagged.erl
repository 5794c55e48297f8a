%% Tagged tuples ({ok,V}/{error,R}) dispatch, is_tagged_tuple patterns, nested tags.
-module(tuple_tagged).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

handle({ok, V}) -> {value, V};
handle({error, {Kind, Detail}}) -> {failed, Kind, Detail};
handle({error, R}) -> {failed, R};
handle({ok, A, B}) -> {two, A, B};
handle({stop}) -> stop;
handle(_) -> unknown.

eval({num, N}) -> N;
eval({add, A, B}) -> eval(A) + eval(B);
eval({mul, A, B}) -> eval(A) * eval(B);
eval({neg, A}) -> -eval(A);
eval({'if', C, T, E}) ->
    case eval(C) of
        0 -> eval(E);
        _ -> eval(T)
    end.

chain([]) -> ok;
chain([{ok, _} | T]) -> chain(T);
chain([Bad | _]) -> {stopped_at, Bad}.

start() ->
    Inputs = [{ok, 1}, {error, enoent}, {error, {io, "disk"}}, {ok, a, b}, {stop},
              {ok}, {error, 1, 2}, ok, {"ok", 1}],
    Expr = {add, {num, 2}, {mul, {num, 3}, {neg, {num, 4}}}},
    [{handle, [handle(I) || I <- Inputs]},
     {eval, eval(Expr), eval({'if', {num, 0}, {num, 1}, Expr})},
     {chain, chain([{ok, 1}, {ok, 2}]), chain([{ok, 1}, {error, x}, {ok, 3}])},
     {case_tag, [case X of {ok, _} -> 1; {error, _} -> 2; {_, _} -> 3; _ -> 4 end
                 || X <- [{ok, 0}, {error, 0}, {other, 0}, {ok, 0, 0}]]}].
