%% Calls to servers that stop right after replying, and the
%% monitor/demonitor(Ref, [flush]) pattern under them: once the call has
%% returned, no 'DOWN' message of its monitor may arrive (demonitor's
%% promise), so nothing is left in the caller's mailbox.
-module(stdlib_gen_call_no_stray).
-behaviour(gen_server).

-export([start/0]).
-export([init/1, handle_call/3, handle_cast/2]).

start() ->
    Raw = raw(2000),
    Calls = calls(500),
    receive after 100 -> ok end,
    {Raw, Calls, {stray_messages, length(flush())}}.

%% A process that answers and exits at once, monitored around the answer.
raw(0) -> ok;
raw(N) ->
    Pid = spawn(fun() -> receive {From, Ref} -> From ! {Ref, ok} end end),
    Ref = monitor(process, Pid),
    Pid ! {self(), Ref},
    receive {Ref, ok} -> ok end,
    true = demonitor(Ref, [flush]),
    raw(N - 1).

%% A gen_server that replies and stops in the same callback.
calls(0) -> ok;
calls(N) ->
    {ok, Pid} = gen_server:start(?MODULE, [], []),
    bye = gen_server:call(Pid, stop),
    calls(N - 1).

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

init([]) -> {ok, none}.

handle_call(stop, _From, S) -> {stop, normal, bye, S}.

handle_cast(_Msg, S) -> {noreply, S}.
