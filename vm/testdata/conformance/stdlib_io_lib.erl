%% The other io_lib functions: write/1,2, print/1,4, write_atom/1,
%% quote_atom/2, write_string/1,2, write_char/1 and their latin1 forms,
%% write_binary/3,
%% the printable and character list predicates, chars_length/1, nl/0 and
%% indentation/2.
-module(stdlib_io_lib).
-export([start/0]).

start() ->
    Atoms = [a, 'A', abc_Def@1, '1a', 'a b', 'after', 'and', 'maybe', 'else', '', 'ß', 'ü', 'Ü',
             'a\x{400}', '\x{400}', 'tab\t', 'q\'uote', 'back\\slash', '\x01', '\x7f', '\x80'],
    Lists = ["abc", "", [$a | b], [0], [7, 8, 9, 10, 11, 12, 13, 27], [127], [159, 160], [255, 256],
             [16#D7FF, 16#D800], [16#FFFD, 16#FFFE], [16#10FFFF, 16#110000], [a], ["abc"], ["a", [$b, ["c"]]],
             [-1], [1.0], <<"bin">>, abc],
    Strings = ["abc", "", [0], [7, 8, 9, 10, 11, 12, 13, 27], [127, 128, 159, 160], [255, 256, 1087],
               [16#D7FF, 16#FFFD, 16#10FFFF], "quote\"and'apostrophe\\"],
    [[call(io_lib, write_atom, [A]), call(io_lib, write_atom_as_latin1, [A]),
      call(io_lib, quote_atom, [A, atom_to_list(A)]), call(io_lib, write, [A])] || A <- Atoms] ++
    [[call(io_lib, F, [L]) || F <- [printable_list, printable_latin1_list, printable_unicode_list,
                                    char_list, latin1_char_list, deep_char_list, deep_latin1_char_list]]
     || L <- Lists] ++
    [[call(io_lib, F, [S]) || F <- [write_string, write_latin1_string, write_string_as_latin1, chars_length]]
     || S <- Strings] ++
    [call(io_lib, chars_length, [L]) || L <- [["a", [$b, ["c"]]], ["ab", <<"cd">>], [[], [[]]]]] ++
    [[call(io_lib, F, [C]) || F <- [write_char, write_latin1_char, write_char_as_latin1]]
     || C <- [$a, $\s, $\n, 0, 127, 160, 233, 255, 256, 1087, -1, a]] ++
    [call(io_lib, write_string, ["it's \"q\"", $']),
     call(io_lib, write_string, ["it's \"q\"", $"]),
     call(io_lib, write_latin1_string, ["x'y", $']),
     call(io_lib, nl, []),
     call(io_lib, indentation, ["abc", 0]),
     call(io_lib, indentation, ["ab\ncd", 5]),
     call(io_lib, indentation, ["a\tb", 0]),
     call(io_lib, indentation, [["ab", ["\t", "c"]], 3]),
     call(io_lib, write, [{a, [1, 2], "s", <<"b">>, #{k => v}, 1.5, -3}]),
     call(io_lib, write, [lists:seq(1, 5), 3]),
     call(io_lib, write, [{a, b, c, d}, 2]),
     call(io_lib, write, [#{1 => 1, 2 => 2, 3 => 3}, 2]),
     call(io_lib, write, [<<1, 2, 3, 4>>, 3]),
     call(io_lib, write, [[1, 2 | 3], 2]),
     call(io_lib, write, ['a\x{400}', [{encoding, latin1}]]),
     call(io_lib, write, ['a\x{400}', [{encoding, unicode}]]),
     call(io_lib, write, [x, 0]),
     [flat_first(call(io_lib, write_binary, [B, D, T])) || B <- [<<1, 2, 3, 4, 5>>, <<1, 2, 3:4>>, <<100, 200, 255, 1>>, <<>>, <<7:3>>],
                                              D <- [-1, 1, 2, 4], T <- [-1, 0, 5, 9, 100]],
     call(io_lib, print, [lists:seq(1, 40)]),
     call(io_lib, print, [{a, lists:seq(1, 40)}, 10, 40, -1]),
     call(io_lib, fwrite, ["~w", [x]]),
     call(io_lib, format, ["~w ~s", [x, "y"]])].

call(M, F, A) ->
    try
        R = apply(M, F, A),
        case is_list(R) of
            true -> lists:flatten(R);
            false -> R
        end
    catch C:E -> {C, E}
    end.

flat_first({Chars, Rest}) -> {lists:flatten(Chars), Rest};
flat_first(Other) -> Other.
