%% Nested try/catch/after: order of after clauses recorded in the process dictionary.
-module(try_nested_after).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

log(X) -> put(log, [X | get_log()]).
get_log() -> case get(log) of undefined -> []; L -> L end.
take_log() -> L = rev(get_log(), []), erase(log), L.

rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

nested(Mode) ->
    try
        log(outer_body),
        try
            log(inner_body),
            case Mode of
                ok -> inner_ok;
                throw -> throw(t);
                error -> error(e);
                exit -> exit(x)
            end
        catch
            throw:T -> log({inner_caught, T}), {caught_inner, T}
        after
            log(inner_after)
        end
    catch
        error:E -> log({outer_caught, E}), {caught_outer, E}
    after
        log(outer_after)
    end.

run(Mode) ->
    R = (catch nested(Mode)),
    {Mode, strip(R), take_log()}.

strip({'EXIT', {R, _}}) -> {'EXIT', R};
strip(R) -> R.

after_only() ->
    try log(body), 42 after log(after_only) end.

start() ->
    [run(ok), run(throw), run(error), run(exit),
     {after_only, after_only(), take_log()}].
