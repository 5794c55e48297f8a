%% timer: OTP's timer module.
%%
%% send_after/2,3 to a pid is erlang:send_after/3. The other timers (sending
%% to a name, apply_after, the intervals, exit_after, kill_after) are kept by
%% one server process, registered as timer_server and started on first use:
%% it holds the timers in a map and is woken by erlang:start_timer/3. An
%% interval timer fires on a fixed schedule (its Nth message is due N periods
%% after it started, however late earlier ones were) and is cancelled when the
%% process it belongs to dies: the destination pid of send_interval/3, the
%% caller otherwise. apply_* run the function in a new process, as OTP does.
-module(timer).

-export([apply_after/4, apply_interval/4, cancel/1, exit_after/2, exit_after/3, hms/3,
         hours/1, kill_after/1, kill_after/2, minutes/1, now_diff/2, seconds/1,
         send_after/2, send_after/3, send_interval/2, send_interval/3, sleep/1, start/0,
         tc/1, tc/2, tc/3]).

-define(SERVER, timer_server).
%% The longest time Erlang timers take: 2^63 - 1 nanoseconds, in
%% milliseconds.
-define(MAX_TIME, 9223372036854).

%%% Time values

sleep(Time) ->
    receive
    after Time -> ok
    end.

seconds(S) -> 1000 * S.

minutes(M) -> 1000 * 60 * M.

hours(H) -> 1000 * 60 * 60 * H.

hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).

now_diff({A2, B2, C2}, {A1, B1, C1}) -> ((A2 - A1) * 1000000 + B2 - B1) * 1000000 + C2 - C1.

tc(F) -> measure(fun() -> F() end).

tc(F, Args) -> measure(fun() -> apply(F, Args) end).

tc(M, F, Args) -> measure(fun() -> apply(M, F, Args) end).

%% measure(Fun): {Microseconds, Value}.
measure(Fun) ->
    T1 = erlang:monotonic_time(),
    Value = Fun(),
    T2 = erlang:monotonic_time(),
    {erlang:convert_time_unit(T2 - T1, native, microsecond), Value}.

%%% Timers

start() ->
    _ = server(),
    ok.

send_after(Time, Msg) -> send_after(Time, self(), Msg).

send_after(Time, Pid, Msg) when is_pid(Pid) ->
    case valid_time(Time) of
        true -> {ok, {send_local, erlang:send_after(Time, Pid, Msg)}};
        false when is_integer(Time), Time > ?MAX_TIME -> error(badarg); % as erlang:send_after/3 in OTP
        false -> {error, badarg}
    end;
send_after(Time, Dest, Msg) ->
    case valid_time(Time) andalso is_name(Dest) of
        true -> request({start, once, Time, {send, Dest, Msg}, none});
        false -> {error, badarg}
    end.

apply_after(Time, M, F, A) ->
    case valid_apply(Time, M, F, A) of
        true -> request({start, once, Time, {apply, M, F, A}, none});
        false -> {error, badarg}
    end.

exit_after(Time, Reason) -> exit_after(Time, self(), Reason).

exit_after(Time, Target, Reason) -> apply_after(Time, erlang, exit, [Target, Reason]).

kill_after(Time) -> exit_after(Time, self(), kill).

kill_after(Time, Target) -> exit_after(Time, Target, kill).

send_interval(Time, Msg) -> send_interval(Time, self(), Msg).

send_interval(Time, Dest, Msg) ->
    case valid_time(Time) andalso (is_pid(Dest) orelse is_name(Dest)) of
        true ->
            Owner = case is_pid(Dest) of
                        true -> Dest;
                        false -> self()
                    end,
            request({start, interval, Time, {send, Dest, Msg}, Owner});
        false -> {error, badarg}
    end.

apply_interval(Time, M, F, A) ->
    case valid_apply(Time, M, F, A) of
        true -> request({start, interval, Time, {apply, M, F, A}, self()});
        false -> {error, badarg}
    end.

cancel({send_local, Ref}) when is_reference(Ref) ->
    _ = erlang:cancel_timer(Ref),
    {ok, cancel};
cancel({Kind, Ref}) when (Kind =:= once orelse Kind =:= interval), is_reference(Ref) ->
    request({cancel, Ref});
cancel(_) -> {error, badarg}.

valid_time(T) -> is_integer(T) andalso T >= 0 andalso T =< ?MAX_TIME.

valid_apply(Time, M, F, A) -> valid_time(Time) andalso is_atom(M) andalso is_atom(F) andalso is_list(A).

is_name(Name) when is_atom(Name) -> true;
is_name({Name, Node}) -> is_atom(Name) andalso is_atom(Node);
is_name(_) -> false.

%%% The server

%% request(Req): the server's reply to Req.
request(Req) ->
    Server = server(),
    Tag = erlang:monitor(process, Server),
    Server ! {Req, self(), Tag},
    receive
        {Tag, Reply} ->
            erlang:demonitor(Tag, [flush]),
            Reply;
        {'DOWN', Tag, process, _, Reason} ->
            exit({timer_server_died, Reason})
    end.

%% server(): the server's pid, starting it if it is not running; when two
%% processes start one at once, the one registered first is kept.
server() ->
    case whereis(?SERVER) of
        undefined ->
            Pid = spawn(fun() -> server_loop(#{}) end),
            try register(?SERVER, Pid) of
                true -> Pid
            catch
                error:badarg ->
                    exit(Pid, kill),
                    server()
            end;
        Pid -> Pid
    end.

%% Timers maps a timer's reference to
%% {Kind, Period, Action, Monitor, Due, ErlangTimer}, Due being the
%% monotonic time in milliseconds it fires at.
server_loop(Timers) ->
    receive
        {{start, Kind, Time, Action, Owner}, From, Tag} ->
            Ref = make_ref(),
            Mon = case Owner of
                      none -> none;
                      _ -> erlang:monitor(process, Owner)
                  end,
            Due = erlang:monotonic_time(millisecond) + Time,
            From ! {Tag, {ok, {Kind, Ref}}},
            server_loop(Timers#{Ref => {Kind, Time, Action, Mon, Due, arm(Due, Ref)}});
        {{cancel, Ref}, From, Tag} ->
            From ! {Tag, {ok, cancel}},
            server_loop(remove(Ref, Timers));
        {timeout, _, Ref} ->
            server_loop(fire(Ref, Timers));
        {'DOWN', Mon, process, _, _} ->
            Gone = [Ref || {Ref, {_, _, _, M, _, _}} <- maps:to_list(Timers), M =:= Mon],
            server_loop(lists:foldl(fun remove/2, Timers, Gone));
        _ ->
            server_loop(Timers)
    end.

arm(Due, Ref) ->
    erlang:start_timer(max(0, Due - erlang:monotonic_time(millisecond)), self(), Ref).

fire(Ref, Timers) ->
    case maps:find(Ref, Timers) of
        {ok, {once, _, Action, _, _, _}} ->
            run(Action),
            remove(Ref, Timers);
        {ok, {interval, Time, Action, Mon, Due, _}} ->
            run(Action),
            Next = Due + Time,
            Timers#{Ref := {interval, Time, Action, Mon, Next, arm(Next, Ref)}};
        error -> Timers
    end.

remove(Ref, Timers) ->
    case maps:take(Ref, Timers) of
        {{_, _, _, Mon, _, ETimer}, Rest} ->
            _ = erlang:cancel_timer(ETimer),
            case Mon of
                none -> ok;
                _ -> erlang:demonitor(Mon, [flush])
            end,
            Rest;
        error -> Timers
    end.

%% A send to a name that is not registered is dropped, as OTP drops it.
run({send, Dest, Msg}) ->
    try erlang:send(Dest, Msg) catch error:badarg -> ok end;
run({apply, M, F, A}) ->
    spawn(M, F, A).
