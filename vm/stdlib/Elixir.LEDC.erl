%% Elixir's LEDC module as AtomVM's exavmlib names it, over avm's ledc
%% module, with exavmlib's constants for speed and fade modes. AtomVM 0.7's
%% ESP32 port also resolves set_duty_and_update/4, set_fade_time_and_start/5
%% and set_fade_step_and_start/6 under this name (NIFs that exavmlib's
%% source does not declare), so they are here too.
-module('Elixir.LEDC').
-export([timer_config/1, channel_config/1, fade_func_install/1, fade_func_uninstall/0,
         set_fade_with_time/4, set_fade_with_step/5, fade_start/3, get_duty/2, set_duty/3,
         update_duty/2, get_freq/2, set_freq/3, stop/3, high_speed_mode/0, low_speed_mode/0,
         fade_no_wait/0, fade_wait_done/0, set_duty_and_update/4, set_fade_time_and_start/5,
         set_fade_step_and_start/6]).

timer_config(Config) -> ledc:timer_config(Config).
channel_config(Config) -> ledc:channel_config(Config).
fade_func_install(Flags) -> ledc:fade_func_install(Flags).
fade_func_uninstall() -> ledc:fade_func_uninstall().
set_fade_with_time(Speed, Channel, Duty, Ms) -> ledc:set_fade_with_time(Speed, Channel, Duty, Ms).
set_fade_with_step(Speed, Channel, Duty, Scale, Cycles) ->
    ledc:set_fade_with_step(Speed, Channel, Duty, Scale, Cycles).
fade_start(Speed, Channel, Mode) -> ledc:fade_start(Speed, Channel, Mode).
get_duty(Speed, Channel) -> ledc:get_duty(Speed, Channel).
set_duty(Speed, Channel, Duty) -> ledc:set_duty(Speed, Channel, Duty).
update_duty(Speed, Channel) -> ledc:update_duty(Speed, Channel).
get_freq(Speed, Timer) -> ledc:get_freq(Speed, Timer).
set_freq(Speed, Timer, Hz) -> ledc:set_freq(Speed, Timer, Hz).
stop(Speed, Channel, IdleLevel) -> ledc:stop(Speed, Channel, IdleLevel).
set_duty_and_update(Speed, Channel, Duty, HPoint) -> ledc:set_duty_and_update(Speed, Channel, Duty, HPoint).
set_fade_time_and_start(Speed, Channel, Duty, Ms, Mode) ->
    ledc:set_fade_time_and_start(Speed, Channel, Duty, Ms, Mode).
set_fade_step_and_start(Speed, Channel, Duty, Scale, Cycles, Mode) ->
    ledc:set_fade_step_and_start(Speed, Channel, Duty, Scale, Cycles, Mode).

%% Speed and fade modes: the original ESP32 has a high-speed mode (0), so
%% its low-speed mode is 1; the other chips have only low speed, 0 (as
%% exavmlib 0.7 answers; 0.6's low_speed_mode/0 was 1 on every chip).
high_speed_mode() -> 0.
low_speed_mode() ->
    case erlang:system_info(esp32_chip_info) of
        #{model := esp32} -> 1;
        _ -> 0
    end.
fade_no_wait() -> 0.
fade_wait_done() -> 1.
