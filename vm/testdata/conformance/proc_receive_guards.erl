%% receive clauses with guards: type tests, comparisons, bound variables, guard failures.
-module(proc_receive_guards).
-compile([export_all, nowarn_export_all]).

classify() ->
    receive
        X when is_integer(X), X > 100 -> {big_int, X};
        X when is_integer(X) -> {int, X};
        X when is_atom(X); is_binary(X) -> {atom_or_bin, X};
        {T, L} when is_list(L), length(L) > 2 -> {long_list, T};
        {T, _} when T =:= tag orelse T =:= other -> {tagged, T};
        M when is_map(M), map_size(M) > 0 -> {map, map_size(M)};
        X when element(1, X) =:= tuple -> {tuple_first, X}; % may raise in guard: just fails
        Other -> {other, Other}
    after 0 -> empty
    end.

classify_all(Acc) ->
    case classify() of
        empty -> rev(Acc);
        C -> classify_all([C | Acc])
    end.

%% Run in a fresh process: the shell/eval process traps exits and has links.
start() ->
    Me = self(),
    {Pid, Ref} = spawn_monitor(fun() -> Me ! {self(), result, run()} end),
    receive
        {Pid, result, R} -> demonitor(Ref, [flush]), R;
        {'DOWN', Ref, process, Pid, Reason} -> {crashed, Reason}
    end.

run() ->
    Me = self(),
    Msgs = [5, 500, foo, <<"b">>, {x, [1, 2, 3]}, {x, [1]}, {tag, 1}, #{a => 1}, #{},
            {tuple, 2}, 3.5, [], {other, []}],
    [Me ! M || M <- Msgs],
    All = classify_all([]),
    %% A guard skips messages: only values above a threshold are taken, rest stay.
    [Me ! {n, I} || I <- [3, 8, 1, 9, 4, 10]],
    Th = 7,
    Above = take_above(Th, []),
    Below = flush([]),
    %% Guard that raises (bad arith) simply doesn't match.
    Me ! {v, zero}, Me ! {v, 2},
    Div = receive {v, N} when 10 div N > 1 -> N after 0 -> none end,
    LeftDiv = flush([]),
    %% Guard on a bound variable from an earlier match.
    Me ! {pair, 1, 2}, Me ! {pair, 3, 3},
    Same = receive {pair, A, B} when A =:= B -> A after 0 -> none end,
    LeftPair = flush([]),
    [{classify, All}, {above, Above}, {below, Below},
     {div_guard, Div, LeftDiv}, {same, Same, LeftPair}].

take_above(Th, Acc) ->
    receive {n, I} when I > Th -> take_above(Th, [I | Acc])
    after 0 -> rev(Acc)
    end.

flush(Acc) -> receive M -> flush([M | Acc]) after 0 -> rev(Acc) end.

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).
