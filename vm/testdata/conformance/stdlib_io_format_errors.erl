%% io_lib:format raises badarg for a bad format or bad arguments: missing
%% or extra arguments, unknown control characters, wrong argument types,
%% bad widths, bases, precisions and prefixes; io:format raises badarg too.
-module(stdlib_io_format_errors).
-export([start/0]).

start() ->
    Cases = [{"~w", []}, {"~w", [a, b]}, {"~z", [a]}, {"~", []}, {"abc~", []}, {"~s", [1]},
             {"~s", [{a}]}, {"~s", [[a]]}, {"~s", [[256]]}, {"~s", [[-1]]}, {"~ts", [[-1]]},
             {"~s", ['\x{400}']}, {"~e", [1]}, {"~f", [a]}, {"~g", ["1.0"]}, {"~b", [1.0]},
             {"~x", [1, 2]}, {"~x", [1, [a]]}, {"~x", [1, <<"0x">>]}, {"~c", [1.0]}, {"~c", [a]},
             {"~-w", [a]}, {"~*w", [a, b]}, {"~.*w", [a, b]}, {"~.*.*w", [1, 2, 3]},
             {"~-p", [a]}, {"~-10p", [a]}, {"~-3n", []}, {"~2.5c", [$a]}, {"~2.5~", []},
             {"~2.5s", ["abc"]}, {"~.1e", [1.0]}, {"~.0f", [1.0]}, {"~.0g", [1.0]},
             {"~.1b", [1]}, {"~.37#", [1]}, {"~P", [a, b]}, {"~W", [a]},
             {"~w", improper}, {"~w", [a | b]}, {123, []}, {{"~w"}, [a]}, {["~w", [a]], []},
             {"~ltw", [x]}, {"~tlp", ["ab"]}, {"~lltts", ["ab"]}, {"~..", []}, {"~.", []}],
    [{F, A, fmt(F, A)} || {F, A} <- Cases] ++
    [catch_io(fun() -> io:format("~w", []) end),
     catch_io(fun() -> io:format("~z", [a]) end),
     catch_io(fun() -> io:format(nonexistent_device, "x", []) end),
     catch_io(fun() -> io:format(standard_error, "~w", [a, b]) end),
     catch_io(fun() -> io:put_chars(foo) end),
     catch_io(fun() -> io:put_chars([-1]) end),
     catch_io(fun() -> io:format(self(), "x", []) end),
     catch_io(fun() -> io:fwrite(1, "x", []) end)].

fmt(F, A) ->
    try lists:flatten(io_lib:format(F, A))
    catch C:R -> {C, R}
    end.

catch_io(F) ->
    try F()
    catch C:R -> {C, R}
    end.
