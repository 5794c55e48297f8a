%% gen_udp: UDP sockets with OTP's interface, on the host's network, over
%% the natives of avm_net (see gen_tcp.erl).
-module(gen_udp).

-export([open/1, open/2, send/3, send/4, recv/2, recv/3, close/1, controlling_process/2]).

open(Port) ->
    open(Port, []).

%% Bad arguments raise exit:badarg, as in OTP.
open(Port, Opts) ->
    try avm_net:udp_open(Port, Opts)
    catch error:badarg -> exit(badarg)
    end.

send(Socket, {Address, Port}, Packet) ->
    send(Socket, Address, Port, Packet).

send(Socket, Host, Port, Packet) ->
    case address(Host) of
        {ok, Address} ->
            Ref = make_ref(),
            case avm_net:sendto(Socket, Address, Port, Packet, Ref) of
                wait ->
                    receive
                        {Ref, Result} -> Result
                    end;
                Result ->
                    Result
            end;
        Error ->
            Error
    end.

address(Address) when is_tuple(Address) ->
    {ok, Address};
address(Host) ->
    case inet:getaddr(Host, inet) of
        {ok, _} = Ok -> Ok;
        _ -> inet:getaddr(Host, inet6)
    end.

recv(Socket, Length) ->
    recv(Socket, Length, infinity).

recv(Socket, Length, Timeout) ->
    Ref = make_ref(),
    case avm_net:recv(Socket, Length, Ref) of
        wait ->
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
            end;
        Result ->
            Result
    end.

close(Socket) ->
    avm_net:close(Socket).

controlling_process(Socket, Pid) when is_port(Socket), is_pid(Pid) ->
    inet:udp_controlling_process(Socket, Pid).
