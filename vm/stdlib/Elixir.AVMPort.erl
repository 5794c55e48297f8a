%% Elixir's AVMPort module as AtomVM's exavmlib names it: calls to port
%% drivers. The drivers avm has are processes started by their modules
%% (gpio, i2c…); open/2 starts the gpio one, as exavmlib's GPIO.open/0
%% asks for it, and is badarg for the others, which have no port here.
-module('Elixir.AVMPort').
-export([call/2, call/3, open/2]).

call(Port, Message) -> port:call(Port, Message).
call(Port, Message, Timeout) -> port:call(Port, Message, Timeout).
open({spawn, "gpio"}, _Options) -> gpio:open();
open(Name, Options) -> erlang:error(badarg, [Name, Options]).
