%% Elixir's AVMPort module as AtomVM's exavmlib names it: ports to drivers.
%% On AtomVM open/2 is erlang:open_port/2, and a driver answers
%% port:call/2,3. The drivers avm has are processes started by their
%% modules, so open/2 starts the one the port names: {spawn, "gpio"}
%% (GPIO.open/0), "i2c" (I2C.open/1), "spi", "uart", and "console"
%% (Console.puts/1), a writer to the console. Another name is badarg, as
%% open_port/2 of a driver the device lacks is.
-module('Elixir.AVMPort').
-export([call/2, call/3, open/2]).

call(Port, Message) -> port:call(Port, Message).
call(Port, Message, Timeout) -> port:call(Port, Message, Timeout).

%% The driver's name is a string or, from Elixir, a binary.
open({spawn, Driver} = Name, Options) when is_binary(Driver) -> open(Name, binary_to_list(Driver), Options);
open({spawn, Driver} = Name, Options) when is_list(Driver) -> open(Name, Driver, Options);
open(Name, Options) -> erlang:error(badarg, [Name, Options]).

open(_, "gpio", _Options) -> gpio:open();
open(_, "i2c", Options) -> i2c:open(Options);
open(_, "spi", Options) -> spi:open(Options);
open(_, "uart", Options) -> uart:open(Options);
open(_, "console", _Options) -> spawn(fun console_loop/0);
open(Name, _, Options) -> erlang:error(badarg, [Name, Options]).

%% The console driver: {puts, Text} writes the text, flush flushes.
console_loop() ->
    receive
        {'$call', {From, Ref}, Request} ->
            From ! {Ref, console_request(Request)},
            console_loop();
        _ ->
            console_loop()
    end.

console_request({puts, Text}) -> console:print(Text);
console_request(flush) -> console:flush();
console_request(_) -> error.
