%% UTF-16 (big/little, surrogate pairs) and UTF-32 construction and matching.
-module(bin_utf16_utf32).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

e16(C) -> <<C/utf16>>.
e16l(C) -> <<C/utf16-little>>.
e32(C) -> <<C/utf32>>.
e32l(C) -> <<C/utf32-little>>.

d16(<<C/utf16, R/binary>>) -> [C | d16(R)];
d16(<<>>) -> [];
d16(B) -> [{bad, B}].
d16l(<<C/utf16-little, R/binary>>) -> [C | d16l(R)];
d16l(<<>>) -> [].
d32(<<C/utf32, R/binary>>) -> [C | d32(R)];
d32(<<>>) -> [];
d32(B) -> [{bad, B}].
d32l(<<C/utf32-little, R/binary>>) -> [C | d32l(R)];
d32l(<<>>) -> [].

ex(F) -> try F() catch C:R -> {C, R} end.

start() ->
    Cps = [$A, 16#E9, 16#FFFF, 16#10000, 16#1F600, 16#10FFFF],
    [{e16, [e16(C) || C <- Cps]},
     {e16l, [e16l(C) || C <- Cps]},
     {e32, [e32(C) || C <- [$A, 16#1F600]]},
     {e32l, [e32l(C) || C <- [$A, 16#1F600]]},
     {d16, d16(<< <<(e16(C))/binary>> || C <- Cps >>)},
     {d16l, d16l(<< <<(e16l(C))/binary>> || C <- Cps >>)},
     {d32, d32(<< <<(e32(C))/binary>> || C <- Cps >>)},
     {d32l, d32l(<< <<(e32l(C))/binary>> || C <- Cps >>)},
     {lone_surrogate, d16(<<16#D800:16, 16#41:16>>), d16(<<16#DC00:16>>)},
     {bad32, d32(<<16#110000:32>>), d32(<<16#D800:32>>)},
     {invalid, [ex(fun() -> e16(C) end) || C <- [16#D800, 16#110000]],
               [ex(fun() -> e32(C) end) || C <- [16#DFFF, -5]]},
     {lit, <<"ab"/utf16>>, <<"ab"/utf16-little>>, <<"é"/utf32>>}].
