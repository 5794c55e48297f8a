%% case over tuples of different arities and tags (select_tuple_arity, is_tagged_tuple).
-module(match_tuple_arity).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

shape(T) ->
    case T of
        {point, X, Y} -> {pt, X + Y};
        {circle, {X, Y}, R} -> {circ, X, Y, R};
        {rect, _, _, W, H} -> {area, W * H};
        {line, A, B} when is_tuple(A), is_tuple(B) -> line;
        {tag} -> only_tag;
        {A, B} -> {pair, A, B};
        {} -> empty;
        {_, _, _, _} -> four;
        _ -> unknown
    end.

msg({request, Id, {get, Key}}) -> {get, Id, Key};
msg({request, Id, {put, Key, Val}}) -> {put, Id, Key, Val};
msg({reply, Id, Val}) -> {reply, Id, Val};
msg({request, _, Other}) -> {bad_request, Other};
msg(_) -> ignored.

start() ->
    [{shape, [shape(T) || T <- [{point, 1, 2}, {circle, {0, 0}, 5}, {rect, 0, 0, 3, 4},
                                {line, {0, 0}, {1, 1}}, {line, 1, 2}, {tag}, {a, b}, {},
                                {1, 2, 3, 4}, {1, 2, 3, 4, 5, 6}, [point]]]},
     {msg, [msg(M) || M <- [{request, 1, {get, k}}, {request, 2, {put, k, v}}, {reply, 3, x},
                            {request, 4, {delete, k}}, {request, 5}, hello]]}].
