%% UTF-8 processing loops: char counting, validation, utf8->utf16/32 transcoding, reversing.
-module(bin_utf8_loops).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

count(<<_/utf8, R/binary>>, N) -> count(R, N + 1);
count(<<>>, N) -> N;
count(_, _) -> invalid.

valid(<<_/utf8, R/binary>>) -> valid(R);
valid(<<>>) -> true;
valid(_) -> false.

to16(B) -> << <<C/utf16>> || <<C/utf8>> <= B >>.
to32le(B) -> << <<C/utf32-little>> || <<C/utf8>> <= B >>.
from16(B) -> << <<C/utf8>> || <<C/utf16>> <= B >>.

rev(B) -> rev(B, <<>>).
rev(<<C/utf8, R/binary>>, Acc) -> rev(R, <<C/utf8, Acc/binary>>);
rev(<<>>, Acc) -> Acc.

start() ->
    S = <<"aé€😀z"/utf8>>,
    [{bytes, byte_size(S)},
     {count, count(S, 0), count(<<"abc", 255>>, 0)},
     {valid, valid(S), valid(<<237, 160, 128>>), valid(<<"ok", 192>>)},
     {to16, to16(S)},
     {to32le, to32le(<<"é😀"/utf8>>)},
     {roundtrip, from16(to16(S)) =:= S},
     {rev, rev(S)},
     {codepoints, [C || <<C/utf8>> <= S]}].
