%% Elixir's GPIO module as AtomVM's exavmlib names it, over avm's gpio
%% module: the same functions, for Elixir apps (GPIO.set_pin_mode(2, :output)).
-module('Elixir.GPIO').
-export([open/0, close/1, stop/0, read/2, set_direction/3, set_level/3, set_int/3, remove_int/2,
         attach_interrupt/2, detach_interrupt/1, init/1, deinit/1, set_pin_mode/2, set_pin_pull/2,
         digital_write/2, digital_read/1, hold_en/1, hold_dis/1, deep_sleep_hold_en/0,
         deep_sleep_hold_dis/0]).

open() -> gpio:start().
close(GPIO) -> gpio:close(GPIO).
stop() -> gpio:stop().
read(GPIO, Pin) -> gpio:read(GPIO, Pin).
set_direction(GPIO, Pin, Direction) -> gpio:set_direction(GPIO, Pin, Direction).
set_level(GPIO, Pin, Level) -> gpio:set_level(GPIO, Pin, Level).
set_int(GPIO, Pin, Trigger) -> gpio:set_int(GPIO, Pin, Trigger).
remove_int(GPIO, Pin) -> gpio:remove_int(GPIO, Pin).
attach_interrupt(Pin, Trigger) -> gpio:attach_interrupt(Pin, Trigger).
detach_interrupt(Pin) -> gpio:detach_interrupt(Pin).
init(Pin) -> gpio:init(Pin).
deinit(Pin) -> gpio:deinit(Pin).
set_pin_mode(Pin, Mode) -> gpio:set_pin_mode(Pin, Mode).
set_pin_pull(Pin, Pull) -> gpio:set_pin_pull(Pin, Pull).
digital_write(Pin, Level) -> gpio:digital_write(Pin, Level).
digital_read(Pin) -> gpio:digital_read(Pin).
hold_en(Pin) -> gpio:hold_en(Pin).
hold_dis(Pin) -> gpio:hold_dis(Pin).
deep_sleep_hold_en() -> gpio:deep_sleep_hold_en().
deep_sleep_hold_dis() -> gpio:deep_sleep_hold_dis().
