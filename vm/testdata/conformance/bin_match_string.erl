%% Matching literal string prefixes in binaries (bs_match_string): a tiny HTTP parser.
-module(bin_match_string).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

method(<<"GET ", Rest/binary>>) -> {get, path(Rest)};
method(<<"POST ", Rest/binary>>) -> {post, path(Rest)};
method(<<"PUT ", Rest/binary>>) -> {put, path(Rest)};
method(<<"DELETE ", Rest/binary>>) -> {delete, path(Rest)};
method(_) -> unknown.

path(B) -> path(B, <<>>).
path(<<" HTTP/1.", V, _/binary>>, Acc) -> {Acc, V - $0};
path(<<C, R/binary>>, Acc) -> path(R, <<Acc/binary, C>>);
path(<<>>, Acc) -> {Acc, none}.

magic(<<16#89, "PNG", 13, 10, _/binary>>) -> png;
magic(<<"GIF8", V, "a", _/binary>>) -> {gif, V};
magic(<<"%PDF-", _/binary>>) -> pdf;
magic(<<1:1, 0:1, "ab", _/bits>>) -> odd_aligned;
magic(_) -> unknown.

start() ->
    [{methods, [method(B) || B <- [<<"GET /index.html HTTP/1.1\r\n">>, <<"POST /x HTTP/1.0">>,
                                   <<"PUT /">>, <<"DELETE /a/b HTTP/1.1">>, <<"GETX">>, <<"get /">>]]},
     {magic, [magic(B) || B <- [<<16#89, "PNG", 13, 10, 26>>, <<"GIF89a...">>, <<"GIF87a">>,
                                <<"%PDF-1.4">>, <<2:2, "ab", 0:6>>, <<2:2, "ac", 0:6>>, <<>>]]}].
