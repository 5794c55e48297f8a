%% timer: the results' shapes and timing properties (never raw times),
%% messages that arrive and cancelled timers that stay silent, and errors.
-module(stdlib_timer).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

now_ms() -> erlang:monotonic_time(millisecond).

got(Msg) ->
    receive Msg -> true after 2000 -> false end.

silent(Msg, Ms) ->
    receive Msg -> false after Ms -> true end.

flush(Msg) ->
    receive Msg -> flush(Msg) after 0 -> ok end.

ref_shape({ok, {Kind, Ref}}) when is_reference(Ref) -> Kind;
ref_shape(Other) -> {unexpected, Other}.

start() ->
    [{sleep, sleep(), timer:sleep(0), t(fun() -> timer:sleep(id(-1)) end), t(fun() -> timer:sleep(id(a)) end)},
     {tc, tc(), element(2, timer:tc(fun lists:reverse/1, [[1, 2, 3]])), element(2, timer:tc(lists, seq, [1, 3])),
      case t(fun() -> timer:tc(fun() -> ok end, [1]) end) of
          {error, {badarity, _}} -> badarity;
          Other -> Other
      end},
     {units, timer:seconds(2), timer:seconds(1.5), timer:minutes(2), timer:hours(1), timer:hms(1, 2, 3),
      t(fun() -> timer:minutes(id(a)) end), timer:now_diff({1, 2, 3}, {0, 1, 1})},
     {send_after, send_after_self(), send_after_pid(), send_after_name(), send_after_cancel(),
      ref_shape(timer:send_after(10, nobody_has_this_name, lost)),
      timer:send_after(id(-1), x), timer:send_after(id(a), x), timer:send_after(10, id(123), x)},
     {apply_after, apply_after(), apply_after_cancel(),
      timer:apply_after(10, m, f, id(a)), timer:apply_after(id(-5), m, f, [])},
     {intervals, send_interval(), apply_interval(), interval_owner_dies(),
      timer:send_interval(id(-1), x), timer:apply_interval(10, m, id("f"), [])},
     {exit_after, exit_after(fun(P) -> timer:kill_after(10, P) end),
      exit_after(fun(P) -> timer:exit_after(10, P, bye) end)},
     {cancel, timer:cancel(foo), timer:cancel({send_local, make_ref()}), timer:cancel({once, make_ref()}),
      timer:cancel({interval, make_ref()}), timer:cancel({once, not_a_ref})},
     {start, timer:start()}].

sleep() ->
    T0 = now_ms(),
    ok = timer:sleep(30),
    now_ms() - T0 >= 30.

tc() ->
    {T, V} = timer:tc(fun() -> timer:sleep(20), done end),
    {is_integer(T), T >= 20000, V}.

send_after_self() ->
    R = timer:send_after(10, hello),
    {ref_shape(R), got(hello)}.

send_after_pid() ->
    R = timer:send_after(10, self(), {to, pid}),
    {ref_shape(R), got({to, pid})}.

send_after_name() ->
    true = register(stdlib_timer_test, self()),
    R = timer:send_after(10, stdlib_timer_test, {to, name}),
    G = got({to, name}),
    unregister(stdlib_timer_test),
    {ref_shape(R), G}.

send_after_cancel() ->
    %% Long enough that the cancel comes first even on a loaded machine.
    {ok, TRef} = timer:send_after(400, never),
    {timer:cancel(TRef), silent(never, 450)}.

apply_after() ->
    R = timer:apply_after(10, erlang, send, [self(), applied]),
    {ref_shape(R), got(applied)}.

apply_after_cancel() ->
    {ok, TRef} = timer:apply_after(400, erlang, send, [self(), not_applied]),
    {timer:cancel(TRef), silent(not_applied, 450)}.

send_interval() ->
    {ok, TRef} = R = timer:send_interval(10, tick),
    Ticks = [got(tick) || _ <- [1, 2, 3]],
    C = timer:cancel(TRef),
    flush(tick),
    {ref_shape(R), Ticks, C, silent(tick, 50)}.

apply_interval() ->
    {ok, TRef} = R = timer:apply_interval(10, erlang, send, [self(), ai]),
    Got = [got(ai) || _ <- [1, 2]],
    C = timer:cancel(TRef),
    %% A process the last tick spawned may still be about to send.
    timer:sleep(30),
    flush(ai),
    {ref_shape(R), Got, C, silent(ai, 50)}.

%% An interval to a process ends with that process; cancelling it later
%% still answers {ok, cancel}.
interval_owner_dies() ->
    P = spawn(fun() -> receive stop -> ok end end),
    M = monitor(process, P),
    {ok, TRef} = timer:send_interval(5, P, tick),
    P ! stop,
    receive {'DOWN', M, process, P, _} -> ok end,
    timer:cancel(TRef).

exit_after(Start) ->
    P = spawn(fun() -> receive never -> ok end end),
    M = monitor(process, P),
    {ok, _} = Start(P),
    receive {'DOWN', M, process, P, R} -> R after 2000 -> timeout end.
