%% Basic binary construction: bytes, 16/32-bit integers, truncation, nested binaries.
-module(bin_construct_basic).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

mk(A, B, C) -> <<A, B:16, C:32>>.
mk_little(A, B) -> <<A:16/little, B:32/little>>.
trunc8(X) -> <<X:8>>.
mixed(X, Bin) -> <<X:4, 0:4, Bin/binary, X:16/little-signed>>.

start() ->
    [{lit, <<1, 2, 3>>, <<>>, <<255, 256, -1>>},
     {mk, mk(1, 2, 3), mk(255, 65535, 4294967295)},
     {little, mk_little(16#0102, 16#01020304)},
     {trunc, trunc8(256), trunc8(257), trunc8(-1), trunc8(-256)},
     {mixed, mixed(5, <<"xy">>), mixed(-2, <<>>)},
     {nested, <<(<<1, 2>>)/binary, (<<3>>)/binary>>},
     {signed_neg, <<-2:16/signed>>, <<-2:16/unsigned>>},
     {big_num, <<16#112233445566778899:72>>},
     {zero_size, <<1:0, 2>>},
     {list_conv, binary_to_list(mk(1, 2, 3))}].
