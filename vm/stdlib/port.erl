%% port: AtomVM's call protocol for drivers (gpio, i2c, uart…). On avm a
%% driver is an Erlang process; it answers {'$call', {From, Ref}, Msg} with
%% {Ref, Reply}.
-module(port).
-export([call/2, call/3]).

call(Port, Message) ->
    call(Port, Message, infinity).

call(Port, Message, Timeout) ->
    Ref = monitor(process, Port),
    Port ! {'$call', {self(), Ref}, Message},
    Result =
        receive
            {'DOWN', Ref, process, Port, normal} -> {error, noproc};
            {'DOWN', Ref, process, Port, Reason} -> {error, Reason};
            {Ref, Reply} -> Reply
        after Timeout ->
            {error, timeout}
        end,
    demonitor(Ref, [flush]),
    Result.
