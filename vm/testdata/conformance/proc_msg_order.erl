%% Message ordering: messages between one pair of processes arrive in send order.
-module(proc_msg_order).
-compile([export_all, nowarn_export_all]).

sender(To, Tag, N) -> [To ! {Tag, I} || I <- seqn(1, N)], To ! {Tag, done}.

collect(Tag, Acc) ->
    receive
        {Tag, done} -> rev(Acc);
        {Tag, I} -> collect(Tag, [I | Acc])
    after 2000 -> {timeout, rev(Acc)}
    end.

%% Receives everything in arrival order (any sender) and checks each sender's
%% subsequence is increasing.
drain(0, Seen) -> Seen;
drain(Left, Seen) ->
    receive
        {T, done} -> drain(Left - 1, Seen#{T => {done, maps_get(T, Seen)}});
        {T, I} ->
            case maps_get(T, Seen) of
                Prev when Prev =:= I - 1 -> drain(Left, Seen#{T => I});
                Prev -> drain(Left, Seen#{T => {out_of_order, Prev, I}})
            end
    after 2000 -> {timeout, Seen}
    end.

maps_get(K, M) -> case M of #{K := V} -> V; _ -> 0 end.

%% As a list in key order (~w prints maps in an order that varies by release).
maps_to_list(M, Keys) when is_map(M) -> [{K, maps_get(K, M)} || K <- Keys];
maps_to_list(Other, _) -> Other.

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
    %% One sender, 100 messages.
    spawn(?MODULE, sender, [Me, a, 100]),
    A = collect(a, []),
    %% Self-sends.
    [Me ! {s, I} || I <- seqn(1, 100)],
    Me ! {s, done},
    S = collect(s, []),
    %% Three concurrent senders: each one's messages stay in order.
    [spawn(?MODULE, sender, [Me, T, 200]) || T <- [x, y, z]],
    D = maps_to_list(drain(3, #{}), [x, y, z]),
    %% A relay: order preserved through an intermediate process.
    Relay = spawn(fun Loop() -> receive {fwd, M} -> Me ! {r, M}, Loop(); stop -> ok end end),
    [Relay ! {fwd, I} || I <- seqn(1, 50)],
    Relay ! {fwd, done},
    Relay ! stop,
    R = collect(r, []),
    [{a, A =:= seqn(1, 100), length(A)}, {self, S =:= seqn(1, 100)},
     {three, D}, {relay, R =:= seqn(1, 50)},
     {empty, receive Any -> {extra, Any} after 0 -> empty end}].

seqn(A, B) when A > B -> [];
seqn(A, B) -> [A | seqn(A + 1, B)].

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).
