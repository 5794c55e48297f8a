%% The smallest useful module: an export, a local call and a remote call.
-module(hello).
-export([start/0, add/2]).

start() ->
    greet("world").

add(A, B) ->
    A + B.

greet(Name) ->
    io:format("Hello, ~s!~n", [Name]).
