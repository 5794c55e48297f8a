%% Stacktrace capture (build_stacktrace): shape checks only, top frame module/function/arity.
-module(try_stacktrace).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

fail(X) -> error({failed, X}).

top_frame(F) ->
    try F()
    catch
        _:_:Stack ->
            [{M, Fn, A, Info} | _] = Stack,
            Arity = if is_list(A) -> {args, length(A)}; true -> A end,
            {M, Fn, Arity, is_list(Info), is_list(Stack), length(Stack) > 0}
    end.

depth_check() ->
    try fail(1) catch error:_:S -> [is_tuple(Fr) andalso tuple_size(Fr) =:= 4 || Fr <- S] end.

start() ->
    [{own, top_frame(fun() -> fail(a) end)},
     {bif, top_frame(fun() -> atom_to_list(id(42)) end)},
     {throw_stack, top_frame(fun() -> throw(t) end) =/= undefined},
     {all_frames_4tuples, all(depth_check())},
     {get_stacktrace_var, try throw(x) catch throw:x:St -> is_list(St) end}].

id(X) -> X.
all([]) -> true;
all([true | T]) -> all(T);
all(_) -> false.
