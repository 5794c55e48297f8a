%% inet: socket options, addresses and names for gen_tcp and gen_udp
%% sockets, over the natives of avm_net. The address text functions
%% (ntoa/1, parse_address/1…) are natives (vm/natives_inet.go).
-module(inet).

-export([sockname/1, peername/1, port/1, close/1, setopts/2, getopts/2,
         getaddr/2, getaddrs/2, gethostname/0]).

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
