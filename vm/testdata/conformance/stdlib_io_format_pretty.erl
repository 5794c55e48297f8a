%% io_lib:format("~p"): OTP's pretty printer for every term type, line
%% breaking at column 80 (or the field width), tagged tuples, maps, long
%% and deep lists, binaries broken between bytes, strings, the column
%% given by the precision or by the text before the directive. (Maps with
%% several atom keys are in stdlib_io_format_maps: OTP 26 changed their
%% order.)
-module(stdlib_io_format_pretty).
-export([start/0]).

start() ->
    Terms = terms(),
    [[fmt(F, [T]) || F <- ["~p", "~lp", "~40p", "~10p", "~0p", "~.70p"]]
     || T <- Terms] ++
    [fmt("prefix text ~p", [T]) || T <- Terms] ++
    [fmt("~s~p", [lists:duplicate(N, $x), T]) || N <- [10, 50, 79, 85], T <- [big_record(), lists:seq(1, 30)]] ++
    [fmt("a\tb\t~p", [lists:seq(1, 40)]),
     fmt("line one~nsecond ~p", [lists:seq(1, 40)]),
     fmt("~p ~p", [lists:seq(1, 30), lists:seq(1, 30)]),
     fmt("~-10p", [x])].

terms() ->
    Long = lists:seq(1, 100),
    [0, -42, 3.14, 1.0e-20, 100000000000000000000000000, atom, 'Quoted', 'with space', [],
     {}, #{}, <<>>, "", "a string", "line\nbreak\ttab\"quote\\", [7, 8, 9], [300, 301],
     [$a | b], [1, 2 | 3], "esc\e\d\0", [160, 255, 233],
     {tag, value}, {tag, 1, 2, 3}, {1, 2}, {"str", tag},
     Long, [lists:seq(1, 20) || _ <- lists:seq(1, 6)],
     {state, lists:seq(1, 30), #{key => value}},
     {a_very_long_tag_name_that_goes_on, [lists:seq(1, 25)], {nested, lists:seq(1, 25)}},
     {ok, {ok, {ok, {ok, {ok, {ok, {ok, {ok, {ok, {ok, lists:seq(1, 40)}}}}}}}}}},
     #{1 => 1, 2 => [1, 2, 3], "c" => "string", {1, 1} => <<"bin">>},
     maps:from_list([{K, lists:seq(1, K)} || K <- lists:seq(1, 12)]),
     maps:from_list([{{key, K}, #{inner => lists:seq(1, 15)}} || K <- lists:seq(1, 4)]),
     #{list_key => lists:seq(1, 40)},
     #{lists:seq(1, 30) => lists:seq(1, 30)},
     <<"printable binary">>, <<"with\nnewline">>, <<1, 2, 3, 255>>, list_to_binary(lists:seq(0, 200)),
     <<"partly printable", 0, 1, 2>>, <<7:5>>, <<1, 2, 3:4>>, <<"é"/utf8>>, <<233>>,
     list_to_binary(lists:duplicate(100, $a)),
     [<<"a">>, <<"list">>, <<"of">>, <<"binaries">>] ++ [list_to_binary(lists:duplicate(30, $b))],
     big_record(),
     [{K, V} || {K, V} <- lists:zip(lists:seq(1, 15), lists:duplicate(15, some_value))],
     [[[[[[[[[[[[[[[[[[[[deep]]]]]]]]]]]]]]]]]]]],
     {[[[[{[[[[{[[[[{lists:seq(1, 50)}]]]]}]]]]}]]]]},
     [{a, [{b, [{c, [{d, lists:seq(1, 30)}]}]}]}],
     {tuple_with_improper, [1, 2 | lists:seq(1, 3)], [a | lists:duplicate(40, x)]},
     [lists:duplicate(60, $x) | tail_atom],
     [1 | lists:duplicate(90, $y)],
     {lists:duplicate(90, $z)},
     {x, lists:duplicate(90, $z), y},
     fun lists:map/2,
     [fun lists:map/2, fun erlang:node/0],
     {float_list, [1.5, 2.25, 1.0e10, -0.001, 1.0 / 3.0]}].

big_record() ->
    {person, "Joe Armstrong", 42, [{email, "joe@example.com"}, {phone, "+46 123 456"}],
     #{"city" => "Stockholm", "country" => sweden}, {created, {{2023, 7, 4}, {18, 34, 56}}}}.

fmt(F, A) ->
    try lists:flatten(io_lib:format(F, A))
    catch C:R -> {C, R}
    end.
