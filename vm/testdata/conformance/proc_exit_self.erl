%% exit/1 vs exit/2 to self: catch stops exit/1 but not an exit signal; exit(self(), normal) kills.
-module(proc_exit_self).
-compile([export_all, nowarn_export_all]).

%% Runs F in a fresh process; reports F's value (if it returned), whether the
%% process went on after it, and its exit reason.
probe(F) ->
    Me = self(),
    {P, Ref} = spawn_monitor(fun() ->
                                 V = (catch F()),
                                 Me ! {res, self(), V},
                                 exit(went_on)
                             end),
    Down = receive {'DOWN', Ref, process, P, Why} -> Why after 1000 -> timeout end,
    Res = receive {res, P, V} -> {returned, clean(V)} after 0 -> no_return end,
    {Res, Down}.

clean({'EXIT', {R, [_ | _]}}) -> {'EXIT', R, stack};
clean(V) -> V.

trap_then(F) ->
    fun() ->
        process_flag(trap_exit, true),
        R = F(),
        Msg = receive {'EXIT', From, W} -> {exit_msg, From =:= self(), W} after 0 -> none end,
        {R, Msg}
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
    [{exit1_caught, probe(fun() -> exit(x) end)},
     {exit1_try, probe(fun() -> try exit(y) catch exit:R -> {caught, R} end end)},
     {exit1_normal_caught, probe(fun() -> exit(normal) end)},
     {exit2_self_x, probe(fun() -> exit(self(), x) end)},
     {exit2_self_normal, probe(fun() -> exit(self(), normal) end)},
     {exit2_self_kill, probe(fun() -> exit(self(), kill) end)},
     {exit2_self_try, probe(fun() -> try exit(self(), z) catch _:_ -> caught end end)},
     {trap_self_normal, probe(trap_then(fun() -> exit(self(), normal) end))},
     {trap_self_x, probe(trap_then(fun() -> exit(self(), x) end))},
     {trap_self_kill, probe(trap_then(fun() -> exit(self(), kill) end))},
     {trap_exit1, probe(trap_then(fun() -> catch exit(q) end))},
     {after_clause, probe(fun() -> try exit(a) after put(k, v) end end)}].
