%% inet: socket options, addresses and names for gen_tcp and gen_udp
%% sockets, over the natives of avm_net. The address text functions
%% (ntoa/1, parse_address/1…) are natives (vm/natives_inet.go).
-module(inet).

-export([sockname/1, peername/1, port/1, close/1, setopts/2, getopts/2,
         getaddr/2, getaddrs/2, gethostname/0,
         tcp_controlling_process/2, udp_controlling_process/2]).

sockname(Socket) ->
    avm_net:sockname(Socket).

peername(Socket) ->
    avm_net:peername(Socket).

port(Socket) ->
    case avm_net:sockname(Socket) of
        {ok, {_, Port}} -> {ok, Port};
        Error -> Error
    end.

close(Socket) ->
    avm_net:close(Socket).

setopts(Socket, Opts) ->
    avm_net:setopts(Socket, Opts).

getopts(Socket, Names) ->
    avm_net:getopts(Socket, Names).

getaddr(Host, Family) ->
    case getaddrs(Host, Family) of
        {ok, [Address | _]} -> {ok, Address};
        Error -> Error
    end.

getaddrs(Host, Family) ->
    Ref = make_ref(),
    case avm_net:getaddrs(Host, Family, Ref) of
        wait ->
            receive
                {Ref, Result} -> Result
            end;
        Result ->
            Result
    end.

gethostname() ->
    avm_net:gethostname().

%% tcp_controlling_process/2 and udp_controlling_process/2 give a socket to
%% Pid, as gen_tcp:controlling_process/2 and gen_udp's do (the names are
%% OTP's): only the owner may, and the socket's messages already queued
%% for the caller move with it, in order, active mode paused meanwhile.
tcp_controlling_process(Socket, Pid) ->
    controlling_process(Socket, Pid, fun move_tcp_messages/2).

udp_controlling_process(Socket, Pid) ->
    controlling_process(Socket, Pid, fun move_udp_messages/2).

controlling_process(Socket, Pid, Move) ->
    case avm_net:owner(Socket) of
        {ok, Pid} ->
            ok;
        {ok, Owner} when Owner =/= self() ->
            {error, not_owner};
        {ok, _} ->
            case avm_net:getopts(Socket, [active]) of
                {ok, [{active, Active}]} ->
                    ok = avm_net:setopts(Socket, [{active, false}]),
                    Move(Socket, Pid),
                    Result = avm_net:controlling_process(Socket, Pid),
                    _ = avm_net:setopts(Socket, [{active, Active}]),
                    Result;
                _ ->
                    {error, closed}
            end;
        Error ->
            Error
    end.

move_tcp_messages(Socket, Pid) ->
    receive
        {tcp, Socket, _} = M -> Pid ! M, move_tcp_messages(Socket, Pid);
        {tcp_closed, Socket} = M -> Pid ! M, move_tcp_messages(Socket, Pid);
        {tcp_error, Socket, _} = M -> Pid ! M, move_tcp_messages(Socket, Pid);
        {tcp_passive, Socket} = M -> Pid ! M, move_tcp_messages(Socket, Pid)
    after 0 ->
        ok
    end.

move_udp_messages(Socket, Pid) ->
    receive
        {udp, Socket, _, _, _} = M -> Pid ! M, move_udp_messages(Socket, Pid);
        {udp_passive, Socket} = M -> Pid ! M, move_udp_messages(Socket, Pid)
    after 0 ->
        ok
    end.
