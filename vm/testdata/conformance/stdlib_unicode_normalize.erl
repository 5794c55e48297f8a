%% unicode:characters_to_nf{c,d,kc,kd}_{binary,list}/1: canonical and
%% compatibility forms of character data in every shape (binaries, deep
%% lists, binary tails), combining-mark reordering, Hangul, and what OTP 25
%% returns for invalid characters ({error, Converted, Rest}) and for terms
%% that are not character data (badarg).
-module(stdlib_unicode_normalize).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

all(D) ->
    [t(fun() -> unicode:characters_to_nfc_binary(D) end),
     t(fun() -> unicode:characters_to_nfd_binary(D) end),
     t(fun() -> unicode:characters_to_nfkc_binary(D) end),
     t(fun() -> unicode:characters_to_nfkd_binary(D) end),
     t(fun() -> unicode:characters_to_nfc_list(D) end),
     t(fun() -> unicode:characters_to_nfd_list(D) end),
     t(fun() -> unicode:characters_to_nfkc_list(D) end),
     t(fun() -> unicode:characters_to_nfkd_list(D) end)].

start() ->
    Inputs = [
        <<>>, [], "abc",
        <<"e", 16#CC, 16#81>>,                  % e + combining acute
        <<"caf", 16#C3, 16#A9>>,                % café, precomposed
        [$e, 16#301, <<"x">>],
        [[<<"A">>, [16#30A]], " ", <<16#EF, 16#AC, 16#81>>],  % Å decomposed, ﬁ
        ["a" | <<16#CC, 16#81>>],               % binary tail
        [16#212B],                              % Angstrom sign singleton
        [$a, 16#301, 16#323],                   % marks out of canonical order
        [$a, 16#323, 16#301],
        [16#1E0A, 16#323],                      % Ḋ + dot below
        [16#D55C, 16#AE00],                     % Hangul syllables
        [16#1112, 16#1161, 16#11AB],            % Hangul jamo
        [16#2460, 16#FF21, 16#2075, 16#33C7],   % circled, fullwidth, superscript, squared
        [16#FB01, 16#FB03, 16#1E9B, 16#323],
        [16#0958, 16#2126, 16#F900],            % composition exclusions, singletons
        "\x{1F600}\x{1F3FD}",
        <<"ab", 16#FF, "cd">>,                  % invalid UTF-8
        [<<"ab">>, <<16#FF>>, "cd"],
        [$a, 16#301, <<16#C3>>],                % truncated sequence
        [<<"x">>, [<<"y", 16#E9>>, $z]],
        ["ab", [<<"c">>, <<16#FF>>, "d"], "e"],
        [[<<16#FF>>]],
        [<<"a">> | <<"b", 16#FF>>],
        [$a, [$b, [<<16#FF>>, $c], $d], $e],
        [[[$a, <<16#CC, 16#81, 16#FF>>] | <<"z">>], $q],
        [$a, 16#D800, $b],                      % surrogate code point
        [$a, -1],
        [$a, 16#110000],
        [$a | foo], foo, [a], 1, {<<"a">>}
    ],
    [{I, all(I)} || I <- Inputs] ++ [mixed(150, 12345, [])].

%% mixed: the four forms of pseudo-random sequences of characters that
%% compose, decompose or reorder with one another (combining marks,
%% Hangul jamo, a nukta, Tibetan vowel signs, kana voicing marks,
%% compatibility characters, controls).
mixed(0, _, Acc) ->
    lists:reverse(Acc);
mixed(N, Seed0, Acc) ->
    {Len, Seed1} = next(Seed0, 8),
    {Str, Seed} = chars(Len + 1, Seed1, []),
    Forms = [unicode:characters_to_nfc_binary(Str), unicode:characters_to_nfd_binary(Str),
             unicode:characters_to_nfkc_binary(Str), unicode:characters_to_nfkd_binary(Str)],
    mixed(N - 1, Seed, [Forms | Acc]).

chars(0, Seed, Acc) ->
    {Acc, Seed};
chars(N, Seed0, Acc) ->
    Pool = {$a, $e, $A, 16#301, 16#323, 16#308, 16#345, 16#300, 16#313, 16#3B1, 16#1FBF,
            16#1100, 16#1161, 16#11A8, 16#AC00, 16#D, 16#A, 0, 16#200D, 16#1F600,
            16#F71, 16#F72, 16#F80, 16#915, 16#93C, 16#1E0B, 16#1E0D, 16#1E63, 16#307,
            16#304B, 16#3099, 16#FF76, 16#FF9E, 16#212B, 16#FB01, 16#2126},
    {I, Seed} = next(Seed0, tuple_size(Pool)),
    chars(N - 1, Seed, [element(I + 1, Pool) | Acc]).

%% next: a number below N from a linear congruential generator.
next(Seed, N) ->
    S = (Seed * 1103515245 + 12345) band 16#7FFFFFFF,
    {(S bsr 16) rem N, S}.
