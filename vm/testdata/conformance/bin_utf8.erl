%% UTF-8 segments: construction of 1-4 byte code points, matching, invalid code points.
-module(bin_utf8).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

enc(C) -> <<C/utf8>>.
dec(<<C/utf8, Rest/binary>>) -> {C, Rest};
dec(B) -> {invalid, B}.

decode_all(<<>>) -> [];
decode_all(<<C/utf8, R/binary>>) -> [C | decode_all(R)];
decode_all(Bad) -> [{bad, Bad}].

ex(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Cps = [0, $A, 16#7F, 16#80, 16#7FF, 16#800, 16#FFFF, 16#10000, 16#10FFFF, 16#E9, 16#20AC],
    [{enc, [enc(C) || C <- Cps]},
     {rt, [element(1, dec(enc(C))) || C <- Cps] =:= Cps},
     {dec_rest, dec(<<"é!">>)},
     {decode_all, decode_all(<<"h€llo"/utf8>>)},
     {invalid_cp, [ex(fun() -> enc(C) end) || C <- [16#D800, 16#DFFF, 16#110000, -1, foo]]},
     {invalid_seq, [dec(B) || B <- [<<16#C0, 16#80>>, <<16#ED, 16#A0, 16#80>>, <<16#F4, 16#90, 0, 0>>,
                                    <<16#E2, 16#82>>, <<16#80>>, <<16#FF>>]]},
     {partial, decode_all(<<"ab", 16#E2, 16#82>>)},
     {lit, <<"€"/utf8>>, <<16#20AC/utf8>>, <<"abc"/utf8>>}].
