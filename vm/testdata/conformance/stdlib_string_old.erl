%% string's list-based API of older OTP releases at its edges: out-of-range
%% positions, empty strings and separators, non-list arguments.
-module(stdlib_string_old).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    [{substr, [t(fun() -> string:substr(id("abc"), S, L) end) || {S, L} <- [{2, 5}, {3, 0}, {4, 0}, {4, 1}, {5, 0}, {1, -1}]],
      [t(fun() -> string:sub_string(id("abcde"), S, E) end) || {S, E} <- [{3, 1}, {3, 2}, {6, 7}, {0, 2}]]},
     {pad, [t(fun() -> string:left(id("abc"), N) end) || N <- [0, -1]],
      [t(fun() -> string:right(id("abc"), N) end) || N <- [0, -1]],
      [t(fun() -> string:centre(id("abc"), N) end) || N <- [1, 2, 4, -1]],
      t(fun() -> string:chars($a, -1) end), t(fun() -> string:copies("a", -1) end),
      t(fun() -> string:copies(id(<<"a">>), 2) end)},
     {strip, string:strip(""), string:strip("   "), string:strip("xax", both, $x), string:strip("ab  ", left),
      t(fun() -> string:strip("ab", middle) end), t(fun() -> string:strip(id(<<"ab">>)) end)},
     {words, string:words(""), string:words("   "), string:words("a"), string:sub_word("", 1),
      t(fun() -> string:sub_word("a b", 0) end), string:tokens("", ","), string:tokens("abc", ""),
      t(fun() -> string:tokens(id(<<"a,b">>), ",") end)},
     {search, string:chr("", $a), string:rchr("", $a), string:str("", "a"), string:rstr("", ""),
      string:span("", "a"), string:cspan("abc", ""), string:str("aaa", "aa"), string:rstr("aaa", "aa"),
      t(fun() -> string:chr(id(<<"abc">>), $a) end), t(fun() -> string:str("abc", id(<<"b">>)) end)},
     {join, string:join(["a"], ""), string:join(["", ""], "-"), t(fun() -> string:join(id(["a" | b]), ",") end),
      string:concat("", ""), t(fun() -> string:concat(id(a), "b") end)},
     {len, string:len(""), t(fun() -> string:len(id(<<"ab">>)) end), string:to_upper(""),
      string:to_lower([]), t(fun() -> string:to_lower(id(a)) end)}].
