%% String literal segments in binaries: plain, utf8/16/32, with sizes, in patterns.
-module(bin_string_segments).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

greet(Name) -> <<"Hello, ", Name/binary, "!">>.

kind(<<"ab", _/binary>>) -> ab;
kind(<<"a"/utf16, _/binary>>) -> utf16_a;
kind(<<"x", "y", Rest/binary>>) -> {xy, Rest};
kind(_) -> other.

start() ->
    [{plain, <<"abc">>, <<"">>, <<"a", "b", "c">>},
     {greet, greet(<<"world">>)},
     {unicode8, <<"ü"/utf8>>, <<"ü">>},
     {utf16, <<"hé"/utf16>>, <<"hé"/utf16-little>>},
     {utf32, <<"a"/utf32>>},
     {sized, <<"abc":16>>, <<"ab":4>>},
     {kind, [kind(B) || B <- [<<"abc">>, <<0, $a, 1>>, <<"xyz">>, <<"q">>, <<>>]]},
     {mixed, <<1, "two", 3:16, "four"/utf16>>},
     {char_segs, <<$a, $b:16, $c/utf8>>}].
