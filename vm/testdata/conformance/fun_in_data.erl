%% Funs stored in records, maps, tuples and lists, then fetched and applied.
-module(fun_in_data).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

-record(ops, {name, unary, binary = fun(A, B) -> A + B end}).

dispatch(Table, Key, Args) ->
    case Table of
        #{Key := F} -> apply(F, Args);
        #{} -> no_op
    end.

run_ops(R = #ops{unary = U, binary = B}, X) -> {R#ops.name, U(X), B(X, X)}.

start() ->
    Ops = #{inc => fun(X) -> X + 1 end,
            neg => fun(X) -> -X end,
            sum => fun(A, B) -> A + B end,
            const => fun() -> 42 end},
    R1 = #ops{name = sq, unary = fun(X) -> X * X end},
    R2 = R1#ops{name = cat, binary = fun(A, B) -> [A, B] end},
    Pipeline = [fun(X) -> X + 1 end, fun(X) -> X * 10 end, fun(X) -> X - 3 end],
    [{dispatch, dispatch(Ops, inc, [1]), dispatch(Ops, sum, [2, 3]), dispatch(Ops, const, []),
      dispatch(Ops, missing, [])},
     {rec, run_ops(R1, 4), run_ops(R2, 5)},
     {pipeline, lists_foldl(fun(F, A) -> F(A) end, 5, Pipeline)},
     {tuple, (element(2, {a, fun(X) -> {got, X} end}))(x)},
     {map_fun_val, is_function(maps_get(neg, Ops), 1), (maps_get(neg, Ops))(9)},
     {count, map_size(Ops)}].

lists_foldl(_, A, []) -> A;
lists_foldl(F, A, [H | T]) -> lists_foldl(F, F(H, A), T).

maps_get(K, M) -> map_get(K, M).
