%% Nested try/catch/after: order of side effects recorded in the process dictionary.
-module(exc_try_after_order).
-export([start/0]).

log(X) -> put(log, [X | get_log()]), ok.
get_log() -> case get(log) of undefined -> []; L -> L end.
take() -> L = get_log(), erase(log), rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

s1() ->
    try
        log(body), throw(x)
    catch throw:x -> log(catch1), caught
    after log(after1)
    end.

s2() ->
    try
        try log(inner), error(boom)
        after log(inner_after)
        end
    catch error:boom -> log(outer_catch), done
    after log(outer_after)
    end.

s3() ->
    try
        try log(a), exit(e)
        catch throw:_ -> log(never)
        after log(a_after)
        end
    catch exit:e -> log(b), rethrow_ok
    end.

s4() ->
    R = try log(t), 1 of 1 -> log(of_clause), ok_of after log(after4) end,
    {R, (catch begin log(catch_expr), throw(z) end)}.

s5() ->
    try
        try log(x), throw(first)
        catch throw:first -> log(handler), error(second)
        after log(inner_after)
        end
    catch C:R -> log({outer, C, R}), {C, R}
    end.

start() ->
    [{s, F(), take()} || F <- [fun s1/0, fun s2/0, fun s3/0, fun s4/0, fun s5/0]].
