%% inet's address functions: ntoa, parse_*, getaddr of literal addresses
%% (host names depend on the machine: vm/natives_net_test.go checks
%% "localhost").
-module(net_inet).
-export([start/0]).

start() ->
    Ntoa = [inet:ntoa(A) || A <- [{127, 0, 0, 1}, {0, 0, 0, 0}, {255, 255, 255, 255},
                                  {0, 0, 0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 0, 0, 0},
                                  {8193, 3512, 0, 0, 0, 0, 0, 1}, {1, 0, 0, 2, 0, 0, 0, 3},
                                  {1, 0, 0, 2, 0, 0, 3, 4}, {1, 0, 2, 3, 4, 5, 6, 7},
                                  {0, 0, 0, 0, 0, 65535, 258, 772}, {0, 0, 0, 0, 0, 0, 258, 772},
                                  {65535, 0, 0, 0, 0, 0, 0, 0}, {1, 2, 3, 256}, {1, 2, 3}, foo]],
    Texts = ["127.0.0.1", "127.1", "1.2.3", "1", "0x7f.1", "010.0.0.1", "255.255.255.255",
             "256.1.1.1", "1.2.3.4.5", "1..2.3", "", " 1.2.3.4", "1.2.3.4 ",
             "::", "::1", "::1.2.3.4", "::ffff:1.2.3.4", "ABCD::EF", "fe80::1%lo",
             "1::2::3", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "12345::", "localhost"],
    Parse = [{T, inet:parse_address(T), inet:parse_strict_address(T),
              inet:parse_ipv4_address(T), inet:parse_ipv4strict_address(T),
              inet:parse_ipv6_address(T), inet:parse_ipv6strict_address(T)} || T <- Texts],
    GetAddr = [inet:getaddr({127, 0, 0, 1}, inet), inet:getaddr("127.0.0.1", inet),
               inet:getaddr("::1", inet6), inet:getaddr("::1", inet), inet:getaddr("127.0.0.1", inet6)],
    {ok, Host} = inet:gethostname(),
    [{ntoa, Ntoa}, {parse, Parse}, {getaddr, GetAddr}, {hostname, is_list(Host) andalso Host =/= ""}].
