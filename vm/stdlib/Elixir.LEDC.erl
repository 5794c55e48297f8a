%% Elixir's LEDC module as AtomVM's exavmlib names it, over avm's ledc
%% module, with exavmlib's constants for speed and fade modes.
-module('Elixir.LEDC').
-export([timer_config/1, channel_config/1, fade_func_install/1, fade_func_uninstall/0,
         set_fade_with_time/4, set_fade_with_step/5, fade_start/3, get_duty/2, set_duty/3,
         update_duty/2, get_freq/2, set_freq/3, stop/3, high_speed_mode/0, low_speed_mode/0,
         fade_no_wait/0, fade_wait_done/0]).

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

%% Speed and fade modes: the original ESP32 has a high-speed mode (0), so
%% its low-speed mode is 1; the other chips have only low speed, 0.
high_speed_mode() -> 0.
low_speed_mode() ->
    case erlang:system_info(esp32_chip_info) of
        #{model := esp32} -> 1;
        _ -> 0
    end.
fade_no_wait() -> 0.
fade_wait_done() -> 1.
