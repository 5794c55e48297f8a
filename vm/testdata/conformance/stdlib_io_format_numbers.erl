%% io_lib:format of numbers: ~e ~f ~g of floats with widths, precisions
%% and pad characters; ~b ~B ~x ~X ~# ~+ of integers in every base, with
%% negative and big numbers.
-module(stdlib_io_format_numbers).
-export([start/0]).

start() ->
    Floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.5, 1.0e-10, 123.456, -123.456, 9.99, 9.9999999,
              99999.5, 1.0e20, 1.5e300, 5.0e-324, 0.05, 0.095, 1234.5678, 0.000123],
    FloatSpecs = ["", ".1", ".2", ".3", ".10", ".17", "12", "-12", "12.3", "-12.3", "3", "12.3.0",
                  "20.12", ".0"],
    [[fmt([$~ | S] ++ [C], [F]) || S <- FloatSpecs, C <- "efg"] || F <- Floats] ++
    [[fmt(F, [X]) || F <- ["~p", "~w", "~20p", "~-20w|", "~5w"]] || X <- Floats ++ [1.0e15, 1.0e16, 123456789012.0, 0.3]] ++
    begin
        Ints = [0, 1, -1, 10, 255, -255, 65535, 1 bsl 59, -(1 bsl 59), 1 bsl 64, -(1 bsl 100),
                123456789012345678901234567890],
        Specs = ["b", "B", ".2b", ".16b", ".16B", ".36B", ".36b", ".8b", "10b", "-10b|", "10.16.0B",
                 "3b", "#", ".16#", ".2#", "+", ".16+", "20.16.0#", "-20.16+|"],
        [[fmt([$~ | S], [I]) || S <- Specs] || I <- Ints] ++
        [[fmt("~" ++ S, [I, P]) || S <- ["x", "X", ".16x", ".16X", "12.16x", "-12.16X|", ".2x"],
                                   P <- [pre, "0x", ["#", [$:]], ""]]
         || I <- [255, -255, 0, 1 bsl 70]]
    end ++
    [fmt("~.1b", [5]), fmt("~.37b", [5]), fmt("~b", [1.0]), fmt("~x", [10]), fmt("~x", [10, {bad}]),
     fmt("~e", [1]), fmt("~.1e", [1.0]), fmt("~.0f", [1.0]), fmt("~.0g", [1.0]), fmt("~f", [one]),
     fmt("~b", ["1"]), fmt("~c", [a]), fmt("~-5.2b", [7])].

fmt(F, A) ->
    try lists:flatten(io_lib:format(F, A))
    catch C:R -> {C, R}
    end.
