%% socket: OTP's socket module, the part AtomVM documents (open, bind,
%% listen, accept, connect, send, recv, recvfrom, sendto, close, shutdown,
%% sockname, peername, setopt, getopt), over the natives of avm_net. A
%% socket is {'$socket', Port}; addresses are maps
%% #{family => inet | inet6, addr => Addr, port => Port}.
-module(socket).

-export([open/2, open/3, bind/2, listen/1, listen/2, accept/1, accept/2,
         connect/2, connect/3, send/2, recv/1, recv/2, recv/3,
         recvfrom/1, recvfrom/2, recvfrom/3, sendto/3, close/1, shutdown/2,
         sockname/1, peername/1, setopt/3, getopt/2]).

%% The backlog of listen/1, as OTP's.
-define(BACKLOG, 5).

open(Domain, Type) ->
    open(Domain, Type, default).

open(Domain, Type, Protocol) ->
    case avm_net:socket_open(Domain, Type, Protocol) of
        {ok, Port} -> {ok, {'$socket', Port}};
        Error -> Error
    end.

bind({'$socket', S}, Addr) when Addr =:= any; Addr =:= loopback ->
    avm_net:socket_bind(S, Addr, 0);
bind({'$socket', S}, #{family := Family} = SockAddr) when Family =:= inet; Family =:= inet6 ->
    avm_net:socket_bind(S, maps:get(addr, SockAddr, any), maps:get(port, SockAddr, 0));
bind({'$socket', _}, _) ->
    {error, einval}.

listen(Socket) ->
    listen(Socket, ?BACKLOG).

listen({'$socket', S}, Backlog) ->
    avm_net:socket_listen(S, Backlog).

accept(Socket) ->
    accept(Socket, infinity).

accept({'$socket', S}, Timeout) ->
    Ref = make_ref(),
    Result = case avm_net:accept(S, Ref) of
                 wait -> await(S, Ref, Timeout);
                 R -> R
             end,
    case Result of
        {ok, Conn} -> {ok, {'$socket', Conn}};
        Error -> Error
    end.

connect(Socket, SockAddr) ->
    connect(Socket, SockAddr, infinity).

connect({'$socket', S}, #{family := _, addr := Addr, port := Port}, Timeout) ->
    Ref = make_ref(),
    case avm_net:socket_connect(S, Addr, Port, Timeout, Ref) of
        wait ->
            receive
                {Ref, Result} -> Result
            end;
        Error ->
            Error
    end;
connect({'$socket', _}, _, _) ->
    {error, einval}.

send({'$socket', S}, Data) ->
    Ref = make_ref(),
    case avm_net:send(S, Data, Ref) of
        wait ->
            receive
                {Ref, Result} -> Result
            end;
        Result ->
            Result
    end.

recv(Socket) ->
    recv(Socket, 0).

recv(Socket, Length) ->
    recv(Socket, Length, infinity).

recv(Socket, Length, Timeout) ->
    case do_recv(Socket, Length, Timeout) of
        {ok, {_Addr, _Port, Data}} -> {ok, Data};
        Result -> Result
    end.

recvfrom(Socket) ->
    recvfrom(Socket, 0).

recvfrom(Socket, Length) ->
    recvfrom(Socket, Length, infinity).

recvfrom(Socket, Length, Timeout) ->
    case do_recv(Socket, Length, Timeout) of
        {ok, {Addr, Port, Data}} -> {ok, {sockaddr(Addr, Port), Data}};
        {ok, _} -> {error, enotsup};
        Error -> Error
    end.

do_recv({'$socket', S}, Length, Timeout) ->
    Ref = make_ref(),
    case avm_net:recv(S, Length, Ref) of
        wait -> await(S, Ref, Timeout);
        Result -> Result
    end.

sendto({'$socket', S}, Data, #{family := _, addr := Addr, port := Port}) ->
    Ref = make_ref(),
    case avm_net:sendto(S, Addr, Port, Data, Ref) of
        wait ->
            receive
                {Ref, Result} -> Result
            end;
        Result ->
            Result
    end;
sendto({'$socket', _}, _, _) ->
    {error, einval}.

close({'$socket', S}) ->
    avm_net:close(S).

shutdown({'$socket', S}, How) ->
    avm_net:shutdown(S, How).

sockname({'$socket', S}) ->
    case avm_net:sockname(S) of
        {ok, {Addr, Port}} -> {ok, sockaddr(Addr, Port)};
        Error -> Error
    end.

peername({'$socket', S}) ->
    case avm_net:peername(S) of
        {ok, {Addr, Port}} -> {ok, sockaddr(Addr, Port)};
        Error -> Error
    end.

setopt({'$socket', S}, Opt, Value) ->
    case option(Opt) of
        undefined -> {error, {invalid, {socket_option, Opt}}};
        Name -> avm_net:setopts(S, [{Name, Value}])
    end.

getopt({'$socket', S}, {socket, type}) ->
    avm_net:socket_type(S);
getopt({'$socket', S}, Opt) ->
    case option(Opt) of
        undefined ->
            {error, {invalid, {socket_option, Opt}}};
        Name ->
            case avm_net:getopts(S, [Name]) of
                {ok, [{_, Value}]} -> {ok, Value};
                Error -> Error
            end
    end.

option({socket, reuseaddr}) -> reuseaddr;
option({socket, keepalive}) -> keepalive;
option({socket, broadcast}) -> broadcast;
option({tcp, nodelay}) -> nodelay;
option(_) -> undefined.

sockaddr(Addr, Port) when tuple_size(Addr) =:= 4 ->
    #{family => inet, addr => Addr, port => Port};
sockaddr(Addr, Port) ->
    #{family => inet6, addr => Addr, port => Port}.

await(S, Ref, Timeout) ->
    receive
        {Ref, Result} -> Result
    after Timeout ->
        case avm_net:cancel(S, Ref) of
            true ->
                {error, timeout};
            false ->
                receive
                    {Ref, Result} -> Result
                end
        end
    end.
