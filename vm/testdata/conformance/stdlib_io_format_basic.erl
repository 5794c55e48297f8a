%% io_lib:format: ~w ~s ~c ~~ ~n ~i with field widths, precisions, pad
%% characters, left adjustment and * arguments.
-module(stdlib_io_format_basic).
-export([start/0]).

start() ->
    Terms = [0, -7, 123456789, 12345678901234567890123, 1.5, -0.0, 1.0e100,
             foo, 'Quoted atom', '', [], "abc", [1, 2 | 3], {}, {a, "b", <<"c">>},
             <<>>, <<1, 2, 3>>, <<"text">>, <<5:3>>, #{}, #{a => 1, "k" => [v]},
             fun lists:map/2],
    Widths = ["", "10", "-10", "3", "-3", "10.5", "-10.5", ".5", "10.3.x", "-10.3.x", "1", "12..0"],
    [[fmt([$~ | W] ++ "w", [T]) || W <- Widths] || T <- Terms] ++
    [[fmt([$~ | W] ++ "s", [S]) || W <- Widths ++ [".0", "0", "5.5"]]
     || S <- ["hello", "", "hello world, long text", ["deep", [$l, "ist"], <<"bin">>], <<"binary">>,
              atom, 'quoted atom', "tab\there", [233, 252]]] ++
    [[fmt([$~ | W] ++ "c", [C]) || W <- ["", "5", "-5", ".3", "5.3", "-5.3", "5.3.*", "1", "0"]]
     || C <- [$a, $\n, 233, 300, -1]] ++
    [fmt(F, []) || F <- ["~~", "~5~", "~-5~", "~.3~", "~5.2~", "~5.2.x~", "~n", "~3n", "a~nb", "~~~n~~",
                         "", "plain text", "tab\tand ~~ tilde"]] ++
    [fmt("~i~w", [ignored, shown]),
     fmt("~*w|~-*w|~*.*w|~.*w", [6, x, 6, y, 8, 3, 123456, 2, 12345]),
     fmt("~*.*.*w", [8, 4, $_, ab]),
     fmt("~-*w|", [-6, neg]),
     fmt("~*w|", [-6, star_negative]),
     fmt('atom ~w format', [ok]),
     fmt(<<"binary ~w format ~s">>, [ok, "x"]),
     fmt("~s and ~s", [<<"one">>, [<<"two">>, " ", ["three"]]]),
     fmt("~10s|~-10s|~.2s|", ["abc", "abc", "abc"]),
     fmt("~5.10s|", ["abc"]),
     fmt("~.10s|", ["abc"]),
     fmt("~10.10s|", ["abc"]),
     fmt("~10.3.-s|", ["abcdef"]),
     fmt("~10.3.-s|", ["ab"]),
     fmt("~-10.3.-s|", ["ab"]),
     fmt("~10.*s|", [4, "abcdefgh"]),
     fmt("~ls ~lw", ["abc", "abc"]),
     fmt("~w~w~w", [a, b, c])].

fmt(F, A) ->
    try lists:flatten(io_lib:format(F, A))
    catch C:R -> {C, R}
    end.
