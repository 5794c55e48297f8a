%% uart: AtomVM's UART API over the board's serial ports. A port is a
%% loopback unless the board bridges it; read/1 waits for bytes, read/2
%% gives up after Timeout ms with {error, timeout}.
-module(uart).
-export([open/1, open/2, close/1, read/1, read/2, write/2]).

open(Name, Opts) -> open([{peripheral, Name} | Opts]).

open(Opts) when is_list(Opts) ->
    Name = case proplists:get_value(peripheral, Opts, "UART0") of
               N when is_binary(N) -> N;
               N when is_list(N) -> list_to_binary(N)
           end,
    spawn(fun() -> avm_board:uart_notify(Name, self()), loop(Name, none) end);
open(Opts) ->
    error(badarg, [Opts]).

close(Pid) when is_pid(Pid) -> port:call(Pid, close).

read(Pid) when is_pid(Pid) -> port:call(Pid, read).

read(Pid, Timeout) when is_pid(Pid) ->
    case port:call(Pid, read, Timeout) of
        {error, timeout} ->
            port:call(Pid, cancel_read),
            {error, timeout};
        Result ->
            Result
    end.

write(Pid, Data) when is_pid(Pid) ->
    case is_iolist(Data) of
        true -> port:call(Pid, {write, Data});
        false -> error(badarg)
    end;
write(_, _) ->
    error(badarg).

is_iolist([]) -> true;
is_iolist(B) when is_binary(B) -> true;
is_iolist(I) when is_integer(I), I >= 0, I =< 255 -> true;
is_iolist([H | T]) -> is_iolist(H) andalso is_iolist(T);
is_iolist(_) -> false.

%% Reader is none, or {From, Ref} of a read waiting for bytes.
loop(Name, Reader) ->
    receive
        {'$call', {From, Ref}, close} ->
            From ! {Ref, ok};
        {'$call', {From, Ref}, read} when Reader =:= none ->
            case avm_board:uart_take(Name) of
                <<>> -> loop(Name, {From, Ref});
                Data -> From ! {Ref, {ok, Data}}, loop(Name, none)
            end;
        {'$call', {From, Ref}, read} ->
            From ! {Ref, {error, ealready}},
            loop(Name, Reader);
        {'$call', {From, Ref}, cancel_read} ->
            From ! {Ref, ok},
            loop(Name, none);
        {'$call', {From, Ref}, {write, Data}} ->
            From ! {Ref, avm_board:uart_write(Name, Data)},
            loop(Name, Reader);
        {'$avm_uart_rx', _} ->
            avm_board:uart_notify(Name, self()),
            case Reader of
                none ->
                    loop(Name, none);
                {From, Ref} ->
                    case avm_board:uart_take(Name) of
                        <<>> -> loop(Name, Reader);
                        Data -> From ! {Ref, {ok, Data}}, loop(Name, none)
                    end
            end;
        {'$call', {From, Ref}, _} ->
            From ! {Ref, {error, badarg}},
            loop(Name, Reader)
    end.
