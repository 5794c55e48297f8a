%% ++ and -- operators, including patterns with "prefix" ++ T.
-module(list_append_subtract).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

strip("http://" ++ Rest) -> {http, Rest};
strip("https://" ++ Rest) -> {https, Rest};
strip([$f, $t, $p | Rest]) -> {ftp, Rest};
strip(Other) -> {other, Other}.

pre([1, 2] ++ T) -> T;
pre(_) -> nomatch.

err({'EXIT', {R, _}}) -> {'EXIT', R};
err(V) -> V.

start() ->
    [{app, [1, 2] ++ [3, 4], [] ++ [], [a] ++ [], [] ++ [b]},
     {app3, [1] ++ [2] ++ [3]},
     {sub, [1, 2, 3, 2, 1] -- [2], [1, 2, 3] -- [4], [a, b, a, b] -- [a, b, a]},
     {sub_all, [1, 1, 1] -- [1, 1, 1, 1]},
     {sub_mixed, [1, 1.0, 2] -- [1.0]},
     {assoc, ([1, 2] -- [1]) -- [2], [1, 2] -- ([1] -- [1])},
     {strip1, strip("http://example.com")},
     {strip2, strip("https://x")},
     {strip3, strip("ftp.site")},
     {strip4, strip("gopher")},
     {pre, pre([1, 2, 3, 4]), pre([1, 3]), pre([1, 2])},
     {bad_sub, err(catch ([1, 2] -- a))},
     {bad_app, err(catch (a ++ [1]))},
     {strings, "abc" ++ "def", "abcabc" -- "cb"}].
