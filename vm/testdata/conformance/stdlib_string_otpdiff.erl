%% string's grapheme clusters of Devanagari, where OTP 29 (Unicode 15.1)
%% joins consonants around a virama into one cluster (rule GB9c) and OTP 25
%% (Unicode 14), which avm follows, does not.
-module(stdlib_string_otpdiff).
-export([start/0]).

start() ->
    [string:length("नमस्ते"), string:to_graphemes("नमस्ते"), string:length(<<"क्षत्रिय"/utf8>>),
     string:reverse("स्ते")].
