%% io_lib:format/3 with {chars_limit, N} and io_lib:write/2 with
%% chars_limit: terms cut at the depth that keeps them about N characters
%% long, strings and binaries cut with "...", the limit shared by the
%% limited directives of one format.
-module(stdlib_io_format_limit).
-export([start/0]).

start() ->
    Terms = [lists:seq(1, 100), "a long string that goes on and on and on", <<"binary data that is long">>,
             <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12>>, <<"é and more text that is long enough"/utf8>>,
             {state, lists:seq(1, 50), "a long string that goes on", <<"binary data here">>, #{1 => 1, 2 => [1, 2, 3]}},
             [{K, lists:seq(1, K)} || K <- lists:seq(1, 10)], {a, {b, {c, {d, {e, {f, lists:seq(1, 20)}}}}}},
             #{1 => lists:seq(1, 20), 2 => "text text text text", 3 => {x, y, z}, 4 => <<"bin">>},
             [a | b], [1, 2, 3 | improper], {}, [], <<>>, atom, 12345678, 1.5, "short", [[], [[]], {[]}],
             lists:duplicate(30, "str"), <<1:3>>, <<"ab", 1:3>>],
    Limits = [0, 1, 3, 5, 10, 20, 40, 80, 200, -1],
    [[fmt(F, [T], L) || F <- ["~p", "~w", "~tp", "~lp", "~40p"], L <- Limits] || T <- Terms] ++
    [[fmt("~P|~W", [T, 4, T, 4], L) || L <- Limits] || T <- Terms] ++
    [[lists:flatten(io_lib:write(T, [{chars_limit, L}])) || L <- Limits] || T <- Terms] ++
    [[fmt(F, A, L) || L <- Limits]
     || {F, A} <- [{"~s|~s", ["hello world", "abc"]}, {"~s", [<<"a binary string">>]},
                   {"~10s|", ["abcdefghijklmnop"]}, {"~-10s|", ["abcdefghijklmnop"]}, {"~.5s|", ["abcdefghij"]},
                   {"~ts", [[1087, 1088, 1080, 1074, 1077, 1090, 32, 1084, 1080, 1088]]},
                   {"x ~p y ~w", [lists:seq(1, 100), {state, lists:seq(1, 50)}]},
                   {"~p ~p ~p", [lists:seq(1, 20), lists:seq(1, 20), lists:seq(1, 20)]},
                   {"long literal text before the term: ~p", [lists:seq(1, 30)]},
                   {"~s ~w ~b ~s", [atom_arg, {a, b}, 42, "string arg"]}]] ++
    [fmt("~p", [x], foo), fmt("~p", [lists:seq(1, 20)], [{chars_limit, 10}, {chars_limit, 50}])].

fmt(F, A, L) when is_integer(L) -> fmt(F, A, [{chars_limit, L}]);
fmt(F, A, Opts) ->
    try lists:flatten(io_lib:format(F, A, Opts))
    catch C:R -> {C, R}
    end.
