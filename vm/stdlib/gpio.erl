%% gpio: AtomVM's GPIO API. The NIFs (set_pin_mode/2, set_pin_pull/2,
%% digital_write/2, digital_read/1, hold_en/1, hold_dis/1,
%% deep_sleep_hold_en/0, deep_sleep_hold_dis/0) are Go natives over the
%% board; this module is the driver process behind the port-style API
%% (open/0, read/2, set_level/3, set_int/3…), registered as gpio as
%% AtomVM's driver is. Interrupts arrive as {gpio_interrupt, Pin}.
-module(gpio).
-export([start/0, open/0, close/1, stop/0, read/2, set_direction/3, set_level/3,
         set_int/3, set_int/4, remove_int/2, init/1, deinit/1,
         attach_interrupt/2, detach_interrupt/1]).

start() ->
    case whereis(gpio) of
        undefined -> open();
        GPIO -> GPIO
    end.

open() ->
    Parent = self(),
    Pid = spawn(fun() ->
                        Registered = (catch register(gpio, self())) =:= true,
                        Parent ! {self(), started},
                        loop(Registered)
                end),
    receive {Pid, started} -> Pid end.

close(GPIO) -> port:call(GPIO, {close}).

stop() ->
    case whereis(gpio) of
        undefined -> ok;
        GPIO -> close(GPIO)
    end.

read(GPIO, Pin) -> port:call(GPIO, {read, Pin}).
set_direction(GPIO, Pin, Direction) -> port:call(GPIO, {set_direction, Pin, Direction}).
set_level(GPIO, Pin, Level) -> port:call(GPIO, {set_level, Pin, Level}).
set_int(GPIO, Pin, Trigger) -> port:call(GPIO, {set_int, Pin, Trigger}).
set_int(GPIO, Pin, Trigger, Pid) -> port:call(GPIO, {set_int, Pin, Trigger, Pid}).
remove_int(GPIO, Pin) -> port:call(GPIO, {remove_int, Pin}).

%% Pins need no setup on the simulated board (RP2040 and STM32 apps call these).
init(_Pin) -> ok.
deinit(_Pin) -> ok.

attach_interrupt(Pin, Trigger) -> set_int(start(), Pin, Trigger).
detach_interrupt(Pin) -> remove_int(whereis(gpio), Pin).

loop(Registered) ->
    receive
        {'$call', {From, Ref}, {close}} ->
            Registered andalso unregister(gpio),
            From ! {Ref, ok};
        {'$call', {From, Ref}, Request} ->
            From ! {Ref, handle(Request, From)},
            loop(Registered);
        _ ->
            loop(Registered)
    end.

handle({read, Pin}, _) -> gpio:digital_read(Pin);
handle({set_direction, Pin, Direction}, _) -> gpio:set_pin_mode(Pin, Direction);
handle({set_level, Pin, Level}, _) -> gpio:digital_write(Pin, Level);
handle({set_int, Pin, Trigger}, From) -> avm_board:gpio_set_int(Pin, Trigger, From);
handle({set_int, Pin, Trigger, Pid}, _) when is_pid(Pid) -> avm_board:gpio_set_int(Pin, Trigger, Pid);
handle({remove_int, Pin}, _) -> avm_board:gpio_set_int(Pin, none, self());
handle(_, _) -> error.
