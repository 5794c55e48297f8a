%% Selective receive: take a later message first; the skipped ones stay in order.
-module(proc_selective_receive).
-compile([export_all, nowarn_export_all]).

flush(Acc) -> receive M -> flush([M | Acc]) after 0 -> rev(Acc) end.

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
    [Me ! {msg, I} || I <- seqn(1, 10)],
    Me ! last,
    L = receive last -> got_last end,
    Five = receive {msg, 5} -> five end,
    Evens = [receive {msg, I} -> I end || I <- [2, 4, 6, 8, 10]],
    Rest1 = flush([]),
    %% Pattern with a bound variable picks the first matching message.
    [Me ! {k, K, V} || {K, V} <- [{a, 1}, {b, 2}, {a, 3}, {c, 4}, {b, 5}]],
    Key = b,
    B1 = receive {k, Key, V1} -> V1 end,
    B2 = receive {k, Key, V2} -> V2 end,
    Rest2 = flush([]),
    %% First clause that matches the oldest matching message wins, not clause order.
    Me ! {second, 2}, Me ! {first, 1},
    Which = receive {first, X} -> {first, X}; {second, Y} -> {second, Y} end,
    Rest3 = flush([]),
    %% Messages arriving from another process while we wait selectively.
    Helper = spawn(fun() -> [Me ! {h, I} || I <- seqn(1, 20)], Me ! {h, wanted} end),
    W = receive {h, wanted} -> wanted after 1000 -> timeout end,
    Rest4 = flush([]),
    %% A receive that matches nothing (after 0) leaves the mailbox untouched.
    [Me ! {z, I} || I <- seqn(1, 3)],
    None = receive nothing_like_this -> found after 0 -> none end,
    Rest5 = flush([]),
    %% Nested receive inside a receive clause body.
    Me ! outer, Me ! inner_b, Me ! inner_a,
    Nested = receive outer -> receive inner_a -> {outer, inner_a} end end,
    Rest6 = flush([]),
    [{last, L}, {five, Five}, {evens, Evens}, {rest1, Rest1},
     {bound, B1, B2}, {rest2, Rest2}, {which, Which}, {rest3, Rest3},
     {helper, is_pid(Helper), W, Rest4 =:= [{h, I} || I <- seqn(1, 20)]},
     {none, None, Rest5}, {nested, Nested, Rest6}].

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).
