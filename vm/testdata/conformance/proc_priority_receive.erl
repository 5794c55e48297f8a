%% Priority receive with after 0, draining a mailbox in passes, and a receive loop with a state.
-module(proc_priority_receive).
-compile([export_all, nowarn_export_all]).

%% Urgent messages first, then normal ones, all in arrival order within a class.
next() ->
    receive
        {urgent, X} -> {urgent, X}
    after 0 ->
        receive
            {urgent, X} -> {urgent, X};
            {normal, X} -> {normal, X}
        after 0 -> empty
        end
    end.

drain(Acc) ->
    case next() of
        empty -> rev(Acc);
        M -> drain([M | Acc])
    end.

%% Takes all messages of one tag, leaving the rest.
take(Tag, Acc) ->
    receive {Tag, X} -> take(Tag, [X | Acc]) after 0 -> rev(Acc) end.

%% A stateful loop: accumulate until 'done', counting unknown messages.
loop(Sum, Unknown) ->
    receive
        {add, N} when is_integer(N) -> loop(Sum + N, Unknown);
        done -> {Sum, Unknown};
        _ -> loop(Sum, Unknown + 1)
    after 1000 -> {timeout, Sum, Unknown}
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
    Msgs = [{normal, 1}, {normal, 2}, {urgent, a}, {normal, 3}, {urgent, b}, {other, z},
            {normal, 4}, {urgent, c}],
    [Me ! M || M <- Msgs],
    Drained = drain([]),
    Other = receive {other, Z} -> Z after 0 -> none end,
    %% Sorting a mailbox by tag in several passes.
    [Me ! {T, I} || I <- seqn(1, 6), T <- [red, green, blue]],
    Passes = [{T, take(T, [])} || T <- [blue, red, green]],
    %% A stateful receive loop fed by another process.
    spawn(fun() -> [Me ! X || X <- [{add, 1}, junk, {add, 2}, {add, x}, {add, 39}, done]] end),
    Loop = loop(0, 0),
    [{drained, Drained}, {other, Other}, {passes, Passes}, {loop, Loop},
     {empty, receive Any -> {extra, Any} after 0 -> none end}].

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).
