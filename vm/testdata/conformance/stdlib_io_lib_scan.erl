%% io_lib:scan_format/2, unscan_format/1 and build_text/1,2: the pre-parsed
%% form of formats (widths, adjustment, precision, pad characters, the t
%% and l modifiers, * arguments), changed specs written out, the round
%% trip through unscan_format, and badarg on bad formats and lists.
-module(stdlib_io_lib_scan).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

%% specs(FormatList): each control sequence as a sorted list, without the
%% maps_order key that OTP 26 added (OTP 26 and later also print maps in
%% another key order).
specs(L) when is_list(L) ->
    [case E of
         #{} -> lists:sort(maps:to_list(maps:remove(maps_order, E)));
         _ -> E
     end || E <- L];
specs(Other) ->
    Other.

formats() ->
    [{"plain ~w and ~p~n", [a, "b"]},
     {"~10s|~-10s|", ["right", "left"]},
     {"~.3f ~10.2f ~-8.1e", [3.14159, 2.5, 1234.5]},
     {"~*.*.0w", [8, 3, 42]},
     {"~..xs ~5.2.-s", ["pad", "abc"]},
     {"~ts ~tp ~lp ~tlp", [<<"ü"/utf8>>, "é", [1,2], "x"]},
     {"~W ~P", [[1,2,3,4], 2, {a, [b, c]}, 3]},
     {"~x ~X ~.16b ~#", [255, "0x", 255, "#", 255, 255]},
     {"~c~5c~~~i~n", [$a, $b, ignored]},
     {"~-*w|", [-6, right]},
     {<<"binary ~w">>, [1]},
     {atom_format_tilde_w, []}].

start() ->
    Scanned = [{F, specs(t(fun() -> io_lib:scan_format(F, A) end))} || {F, A} <- formats()],
    Built = [{F, t(fun() -> lists:flatten(io_lib:build_text(io_lib:scan_format(F, A))) end),
              t(fun() -> lists:flatten(io_lib:format(F, A)) end)} || {F, A} <- formats()],
    Round = [t(fun() -> io_lib:unscan_format(io_lib:scan_format(F, A)) end) || {F, A} <- formats()],
    [Spec] = [S || S <- io_lib:scan_format("~p", [[1, 2, 3]]), is_map(S)],
    Changed = [t(fun() -> lists:flatten(io_lib:build_text(L)) end)
               || L <- [[$<, Spec#{args := [x]}, $>],
                        [Spec#{width := 6, adjust := left}, $|],
                        [Spec#{width := 12, adjust := right, control_char := $w}, $|],
                        [Spec#{control_char := $w, args := ["s"]}],
                        [$~, $a]]],
    Limited = lists:flatten(io_lib:build_text(io_lib:scan_format("~p", [lists:seq(1, 40)]),
                                              [{chars_limit, 20}])),
    Errors = [t(fun() -> io_lib:scan_format("~w", []) end),
              t(fun() -> io_lib:scan_format("~w", [a, b]) end),
              t(fun() -> io_lib:scan_format("~q", [a]) end),
              t(fun() -> io_lib:scan_format("~-w", [a]) end),
              t(fun() -> io_lib:scan_format("~*w", [x, a]) end),
              t(fun() -> io_lib:scan_format(123, []) end),
              t(fun() -> io_lib:build_text([maps:put(control_char, $q, hd(io_lib:scan_format("~w", [a])))]) end),
              t(fun() -> io_lib:build_text(not_a_list) end)],
    [{scanned, Scanned}, {built, Built}, {round, Round}, {changed, Changed},
     {limited, Limited}, {errors, Errors}].
