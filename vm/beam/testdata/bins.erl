%% Binary construction (bs_create_bin), matching (bs_match_string, utf8,
%% little-endian integers) and the string table.
-module(bins).
-export([build/2, parse/1, greeting/1, utf/1]).

build(A, B) ->
    <<A:8, B:16/little, "abc", A/float>>.

parse(<<"HDR", Len:16/little-signed, Rest/binary>>) ->
    {Len, Rest};
parse(<<X/utf8, _/binary>>) ->
    {utf8, X}.

greeting(Name) when is_binary(Name) ->
    <<"hello, ", Name/binary, "!">>.

utf(C) ->
    <<C/utf8, C/utf16-little, C/utf32>>.
