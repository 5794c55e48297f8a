%% gen_tcp: TCP sockets with OTP's interface, on the host's network.
%% Sockets are ports; the work is done by the natives of avm_net
%% (vm/natives_net*.go). Calls that wait (accept, recv, connect, a send
%% the kernel cannot take at once) wait in a receive for the native's
%% answer {Ref, Result}, so only the calling process waits.
-module(gen_tcp).

-export([listen/2, accept/1, accept/2, connect/3, connect/4, send/2, recv/2, recv/3,
         close/1, shutdown/2, controlling_process/2]).

%% Bad arguments raise exit:badarg, as in OTP.
listen(Port, Opts) ->
    try avm_net:listen(Port, Opts)
    catch error:badarg -> exit(badarg)
    end.

accept(ListenSocket) ->
    accept(ListenSocket, infinity).

accept(ListenSocket, Timeout) ->
    Ref = make_ref(),
    case avm_net:accept(ListenSocket, Ref) of
        wait -> await(ListenSocket, Ref, Timeout);
        Result -> Result
    end.

connect(Address, Port, Opts) ->
    connect(Address, Port, Opts, infinity).

connect(Address, Port, Opts, Timeout) ->
    Ref = make_ref(),
    try avm_net:connect(Address, Port, Opts, Timeout, Ref) of
        wait ->
            receive
                {Ref, Result} -> Result
            end;
        Error ->
            Error
    catch
        error:badarg -> exit(badarg)
    end.

send(Socket, Packet) ->
    Ref = make_ref(),
    case avm_net:send(Socket, Packet, Ref) of
        wait ->
            receive
                {Ref, Result} -> Result
            end;
        Result ->
            Result
    end.

recv(Socket, Length) ->
    recv(Socket, Length, infinity).

recv(Socket, Length, Timeout) ->
    Ref = make_ref(),
    case avm_net:recv(Socket, Length, Ref) of
        wait -> await(Socket, Ref, Timeout);
        Result -> Result
    end.

close(Socket) ->
    avm_net:close(Socket).

shutdown(Socket, How) ->
    avm_net:shutdown(Socket, How).

%% Messages of the socket already in the old owner's mailbox go to the new
%% owner first, as in OTP; delivery pauses meanwhile.
controlling_process(Socket, Pid) when is_port(Socket), is_pid(Pid) ->
    inet:tcp_controlling_process(Socket, Pid).

%% await waits for the answer to a call; at the timeout the call is
%% withdrawn, unless its answer is already on the way.
await(Socket, Ref, Timeout) ->
    receive
        {Ref, Result} -> Result
    after Timeout ->
        case avm_net:cancel(Socket, Ref) of
            true ->
                {error, timeout};
            false ->
                receive
                    {Ref, Result} -> Result
                end
        end
    end.
