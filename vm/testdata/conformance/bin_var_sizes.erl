%% Segment sizes taken from variables and from earlier fields in the same pattern.
-module(bin_var_sizes).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

lenpfx(<<L, Data:L/binary, Rest/binary>>) -> {Data, Rest};
lenpfx(_) -> short.

bits_pfx(<<N:4, V:N, _/bits>>) -> {N, V}.

field(Size, Bin) -> <<V:Size, R/bits>> = Bin, {V, R}.

mk(Size, V) -> <<V:Size>>.
mk_bin(Size, B) -> <<B:Size/binary>>.
mk_unit(Size, V) -> <<V:Size/unit:8>>.

strings(<<>>) -> [];
strings(<<L:16, S:L/binary, R/binary>>) -> [S | strings(R)].

start() ->
    [{lenpfx, lenpfx(<<3, "abcdef">>), lenpfx(<<0, "x">>), lenpfx(<<9, "ab">>)},
     {bits_pfx, bits_pfx(<<3:4, 5:3, 0:1>>), bits_pfx(<<15:4, 32767:15, 0:5>>)},
     {field, [field(S, <<16#F0F0:16>>) || S <- [0, 1, 4, 12, 16]]},
     {mk, [mk(S, 5) || S <- [0, 3, 8, 13]]},
     {mk_bin, mk_bin(2, <<"xyz">>)},
     {mk_unit, mk_unit(2, 258), mk_unit(0, 99)},
     {strings, strings(<<3:16, "foo", 0:16, 5:16, "hello">>)},
     {neg_size_match, try field(-1, <<1>>) catch error:{badmatch, _} -> badmatch end}].
