%% io_lib:format with the t modifier: ~ts of Unicode lists and UTF-8
%% binaries, ~tp and ~tw of Unicode atoms, strings and binaries (the
%% printable range stays latin1), ~tc, and the same arguments without t.
-module(stdlib_io_format_unicode).
-export([start/0]).

start() ->
    Strings = ["héllo", [1087, 1088, 1080], <<"привет"/utf8>>, <<"héllo"/utf8>>, <<"h", 233, "llo">>,
               [<<"mixed "/utf8>>, [1087], "é"], 'atöm', list_to_atom([1087, 1088]), [128512]],
    [[fmt(F, [S]) || F <- ["~ts", "~s", "~10ts|", "~-10ts|", "~.2ts|", "~tp", "~p", "~tw", "~w", "~ltp"]]
     || S <- Strings] ++
    [fmt(F, [C]) || F <- ["~tc", "~c", "~3tc"], C <- [1087, 233, 128512, 65]] ++
    [fmt("~tp", [{list_to_atom([1087]), [1087, 1088], <<"ж"/utf8>>, "é"}]),
     fmt("~p", [{list_to_atom([1087]), [1087, 1088], <<"ж"/utf8>>, "é"}]),
     fmt("~tp", [[<<"é"/utf8>>, <<"ü"/utf8>> | lists:duplicate(20, <<"日本"/utf8>>)]]),
     fmt("~tp", [lists:duplicate(10, list_to_atom("ünïcödé_atom"))]),
     fmt([1087, $~, $t, $s], ["x"]),
     fmt("~ts", [[16#D800]]),
     fmt("~ts", [<<255, 254>>])].

fmt(F, A) ->
    try lists:flatten(io_lib:format(F, A))
    catch C:R -> {C, R}
    end.
