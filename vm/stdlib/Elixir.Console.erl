%% Elixir's Console module as AtomVM's exavmlib names it: raw writes to
%% the console, over avm's console module. As in exavmlib, puts/2 takes a
%% registered name (puts/1 is puts(stdio, Item)): stdio writes to the
%% console even when no process has that name, another name must be
%% registered. flush/1 takes the console's pid.
-module('Elixir.Console').
-export([print/1, puts/1, puts/2, flush/0, flush/1]).

print(String) -> console:print(String).

puts(Item) -> puts(stdio, Item).

puts(Device, Item) ->
    case erlang:whereis(Device) of
        undefined when Device =:= stdio -> console:puts(Item);
        undefined -> erlang:error(badarg, [Device, Item]);
        Console -> console:puts(Console, Item)
    end.

flush() -> console:flush().
flush(Console) -> console:flush(Console).
