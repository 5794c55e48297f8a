%% Skipping segments with _ of fixed/variable size, skipping utf8, and discarding tails.
-module(bin_skip_segments).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

third(<<_, _, X, _/binary>>) -> X.
after_hdr(<<_:32, Body/binary>>) -> Body.
skip_n(N, Bin) -> <<_:N/binary, R/binary>> = Bin, R.
skip_bits(N, Bin) -> <<_:N, R/bits>> = Bin, R.
skip_char(<<_/utf8, R/binary>>) -> R.
skip_char16(<<_/utf16, R/binary>>) -> R.
skip_char32(<<_/utf32, R/binary>>) -> R.
last_byte(Bin) -> S = byte_size(Bin) - 1, <<_:S/binary, L>> = Bin, L.
check_len(<<_:3/binary>>) -> three;
check_len(<<_:4/binary>>) -> four;
check_len(_) -> other.
float_skip(<<_:64/float, X>>) -> X;
float_skip(_) -> not_float.

start() ->
    [{third, third(<<1, 2, 3, 4>>), third(<<9, 8, 7>>)},
     {after_hdr, after_hdr(<<0:32, "body">>)},
     {skip_n, skip_n(2, <<"abcd">>), skip_n(0, <<"x">>)},
     {skip_bits, skip_bits(3, <<255, 1>>), skip_bits(16, <<1, 2>>)},
     {skip_char, skip_char(<<"€x"/utf8>>), skip_char16(<<"€x"/utf16>>), skip_char32(<<"€x"/utf32>>)},
     {last, last_byte(<<1, 2, 3>>)},
     {check_len, check_len(<<"abc">>), check_len(<<"abcd">>), check_len(<<"ab">>)},
     {float_skip, float_skip(<<1.0:64/float, 7>>), float_skip(<<16#7FF00000:32, 0:32, 7>>)}].
