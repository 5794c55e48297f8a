%% io_lib:format("~P") and ("~W"): terms cut at a depth, with "..." for
%% what is left out, for lists, improper lists, tuples, maps, strings and
%% binaries.
-module(stdlib_io_format_depth).
-export([start/0]).

start() ->
    Terms = [lists:seq(1, 10), "a printable string", [1, 2, 3 | 4], {a, b, c, d, e},
             {tag, [1, 2, {x, y, z}], "str"}, #{1 => 1, 2 => 2, 3 => 3, 4 => #{5 => 5}},
             <<"a printable binary text">>, <<1, 2, 3, 4, 5, 6, 7, 8, 9>>, <<"abc", 0, "def">>,
             <<"é and more text"/utf8>>, [[[[[deep]]]]], {{{{{deep}}}}}, [{a, [b, [c]]}], atom, 42,
             [lists:seq(1, 30), lists:seq(1, 30), lists:seq(1, 30)], <<1:3>>, <<"ab", 1:3>>],
    [[fmt(F, [T, D]) || F <- ["~P", "~W", "~tP", "~40P", "~10W|"], D <- [0, 1, 2, 3, 4, 5, 8, -1]]
     || T <- Terms] ++
    [fmt("~P", [x, y]), fmt("~W", [x, 1.5]),
     lists:flatten(io_lib:write({a, [b, c], "d"}, 3)),
     lists:flatten(io_lib:write({a, [b, c], "d"}, [{depth, 2}])),
     lists:flatten(io_lib:print(lists:seq(1, 30), 70, 40, 5)),
     lists:flatten(io_lib:print({a, lists:seq(1, 50)}))].

fmt(F, A) ->
    try lists:flatten(io_lib:format(F, A))
    catch C:R -> {C, R}
    end.
