%% ledc: the ESP32's LED PWM controller, simulated: timers and channels
%% keep their configuration, duties are applied by update_duty/2 and fades
%% (reaching their target when the fade time has passed), and every applied
%% duty shows in avm run --trace-io. The state lives in a process
%% registered as avm_ledc, started on first use.
-module(ledc).
-export([timer_config/1, channel_config/1, fade_func_install/1, fade_func_uninstall/0,
         set_fade_with_time/4, set_fade_with_step/5, fade_start/3, get_duty/2, set_duty/3,
         update_duty/2, get_freq/2, set_freq/3, stop/3, set_duty_and_update/4,
         set_fade_time_and_start/5, set_fade_step_and_start/6]).

timer_config(Config) when is_map(Config) ->
    call({timer_config, maps:get(timer_num, Config, 0), maps:get(freq_hz, Config, 5000)});
timer_config(Config) when is_list(Config) ->
    timer_config(maps:from_list(Config));
timer_config(_) -> error(badarg).

channel_config(Config) when is_map(Config) ->
    call({channel_config, maps:get(channel, Config, 0), maps:get(timer_sel, Config, 0),
          maps:get(duty, Config, 0)});
channel_config(Config) when is_list(Config) ->
    channel_config(maps:from_list(Config));
channel_config(_) -> error(badarg).

fade_func_install(_Flags) -> ok.
fade_func_uninstall() -> ok.

set_duty(_SpeedMode, Channel, Duty) -> call({set_duty, Channel, Duty}).
update_duty(_SpeedMode, Channel) -> call({update_duty, Channel}).
get_duty(_SpeedMode, Channel) -> call({get_duty, Channel}).
set_freq(_SpeedMode, Timer, Hz) -> call({set_freq, Timer, Hz}).
get_freq(_SpeedMode, Timer) -> call({get_freq, Timer}).
stop(_SpeedMode, Channel, IdleLevel) -> call({stop, Channel, IdleLevel}).

set_duty_and_update(SpeedMode, Channel, Duty, _HPoint) ->
    ok = set_duty(SpeedMode, Channel, Duty),
    update_duty(SpeedMode, Channel).

set_fade_with_time(_SpeedMode, Channel, Target, Ms) -> call({set_fade, Channel, Target, Ms}).
set_fade_with_step(_SpeedMode, Channel, Target, Scale, Cycles) ->
    call({set_fade, Channel, Target, Scale * Cycles}).
fade_start(_SpeedMode, Channel, _FadeMode) -> call({fade_start, Channel}).

set_fade_time_and_start(SpeedMode, Channel, Target, Ms, FadeMode) ->
    ok = set_fade_with_time(SpeedMode, Channel, Target, Ms),
    fade_start(SpeedMode, Channel, FadeMode).
set_fade_step_and_start(SpeedMode, Channel, Target, Scale, Cycles, FadeMode) ->
    ok = set_fade_with_step(SpeedMode, Channel, Target, Scale, Cycles),
    fade_start(SpeedMode, Channel, FadeMode).

call(Request) ->
    Server = server(),
    Ref = monitor(process, Server),
    Server ! {Request, self(), Ref},
    receive
        {Ref, Reply} -> demonitor(Ref, [flush]), Reply;
        {'DOWN', Ref, process, _, Reason} -> {error, Reason}
    end.

server() ->
    case whereis(avm_ledc) of
        undefined ->
            Pid = spawn(fun() -> loop(#{}) end),
            case catch register(avm_ledc, Pid) of
                true -> Pid;
                _ -> exit(Pid, kill), whereis(avm_ledc)
            end;
        Pid ->
            Pid
    end.

%% State: {timer, N} => Hz; {channel, C} => #{timer, duty, pending, fade}.
loop(S) ->
    receive
        {{fade_done, C, Target}, _, _} ->
            loop(apply_duty(C, Target, S));
        {Request, From, Ref} ->
            {Reply, S1} = handle(Request, S),
            From ! {Ref, Reply},
            loop(S1)
    end.

channel(C, S) -> maps:get({channel, C}, S, #{timer => 0, duty => 0, pending => 0, fade => none}).

apply_duty(C, Duty, S) ->
    ok = avm_board:ledc_duty(C, Duty),
    Ch = channel(C, S),
    S#{{channel, C} => Ch#{duty => Duty, pending => Duty}}.

handle({timer_config, T, Hz}, S) -> {ok, S#{{timer, T} => Hz}};
handle({channel_config, C, T, Duty}, S) ->
    Ch = channel(C, S),
    {ok, apply_duty(C, Duty, S#{{channel, C} => Ch#{timer => T}})};
handle({set_duty, C, Duty}, S) ->
    Ch = channel(C, S),
    {ok, S#{{channel, C} => Ch#{pending => Duty}}};
handle({update_duty, C}, S) ->
    #{pending := Duty} = channel(C, S),
    {ok, apply_duty(C, Duty, S)};
handle({get_duty, C}, S) -> {maps:get(duty, channel(C, S)), S};
handle({set_freq, T, Hz}, S) -> {ok, S#{{timer, T} => Hz}};
handle({get_freq, T}, S) -> {maps:get({timer, T}, S, 0), S};
handle({stop, C, _Idle}, S) -> {ok, apply_duty(C, 0, S)};
handle({set_fade, C, Target, Ms}, S) ->
    Ch = channel(C, S),
    {ok, S#{{channel, C} => Ch#{fade => {Target, Ms}}}};
handle({fade_start, C}, S) ->
    case channel(C, S) of
        #{fade := {Target, Ms}} = Ch ->
            erlang:send_after(Ms, self(), {{fade_done, C, Target}, self(), fade}),
            {ok, S#{{channel, C} => Ch#{fade => none}}};
        _ ->
            {{error, invalid_state}, S}
    end.
