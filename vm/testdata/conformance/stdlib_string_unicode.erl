%% string on non-ASCII text: UTF-8 binaries, emoji sequences, flags,
%% combining marks and Unicode whitespace.
-module(stdlib_string_unicode).
-export([start/0]).

start() ->
    Family = [16#1F468, 16#200D, 16#1F469, 16#200D, 16#1F467],
    Flag = [16#1F1F8, 16#1F1EA],
    Thumb = [16#1F44D, 16#1F3FD],
    Text = <<"  Grüße, 世界!\x{2003}"/utf8>>,
    [{clusters, string:length(Family), string:length(Flag ++ Flag), string:length(Thumb),
      string:to_graphemes(Family ++ "x" ++ Flag), string:length(<<"añ"/utf8, "e", 16#301/utf8>>),
      string:to_graphemes([$a, 16#300, 16#301, $b, 16#FE0F]),
      string:length("สวัสดี"),
      string:length("مُحَمَّد"), string:length("Приве́т"), string:length("שָׁלוֹם")},
     {binary_ops, string:trim(Text), string:length(Text), string:slice(Text, 4, 3), string:reverse(<<"añb"/utf8>>),
      string:pad(<<"ü"/utf8>>, 3, both, $·), string:split(<<"α,β,γ"/utf8>>, ",", all),
      string:lexemes(<<"α β  γ"/utf8>>, " "), string:find(<<"你好世界"/utf8>>, "世"),
      string:replace(<<"a→b→c"/utf8>>, "→", "=", all), string:take(<<"ééx"/utf8>>, "é"),
      string:next_grapheme(<<"ñx"/utf8>>), string:next_codepoint(<<"世"/utf8>>)},
     {list_ops, string:trim([16#3000, $a, 16#2029]), string:trim("\x{85}a\x{200E}"),
      string:slice("😀😁😂", 1, 1), string:uppercase("ǆ straße ﬀ"), string:lowercase("ΑΒΓ İ"),
      string:casefold("ΣΑΣ"), string:titlecase("ǳa"), string:equal("Ǆ", "ǆ", true),
      string:split("a😀b😀c", "😀", trailing), string:lexemes("a\r\nb\nc", "\n"),
      string:split("a\r\nb", "\n"), string:find("a\r\nb", "\n"),
      string:slice(Family ++ "z", 1), string:reverse(Flag ++ "a")},
     {crlf, string:split([$e, 16#301, $x], "e"), string:find([$e, 16#301, $x], "e"),
      string:lexemes([$e, 16#301, $x, $e], "e"), string:split("a\r\nb", "\r"), string:lexemes("a\r\nb", [$\r]),
      string:lexemes("a\r\nb", ["\r\n"]), string:split("a\r\nb", "\r\n"), string:trim("a\r\n", trailing, [$\n]),
      string:trim("\r\na", leading, [$\r]), string:take("\r\na", [$\r]), string:take("\r\na", [$\n], true),
      string:lexemes("a\nb\r\nc", [$\n]), string:split("ab", [$b, 16#301]), string:find([$a, $b, 16#301], "b"),
      string:lexemes([$a, $b, 16#301, $c], "b"), string:prefix([$e, 16#301], "e")}].
