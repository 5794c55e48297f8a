%% Elixir's Console module as AtomVM's exavmlib names it: raw writes to
%% the console, over avm's console module.
-module('Elixir.Console').
-export([print/1, puts/1, puts/2, flush/0, flush/1]).

print(String) -> console:print(String).
puts(Item) -> console:puts(Item).
puts(Device, Item) -> console:puts(Device, Item).
flush() -> console:flush().
flush(Console) -> console:flush(Console).
