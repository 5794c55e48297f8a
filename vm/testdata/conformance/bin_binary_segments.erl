%% Binary segments: /binary with sizes, all-remaining, units, sub-binary extraction.
-module(bin_binary_segments).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

split_at(N, Bin) -> <<A:N/binary, B/binary>> = Bin, {A, B}.
take_units(N, Bin) -> <<A:N/binary-unit:16, B/bits>> = Bin, {A, B}.
build(A, B) -> <<A/binary, ":", B/binary>>.
build_sized(A, N) -> <<A:N/binary>>.

start() ->
    Bin = <<"hello world">>,
    [{split, [split_at(N, Bin) || N <- [0, 1, 5, 11]]},
     {units, take_units(2, Bin)},
     {build, build(<<"key">>, <<"value">>), build(<<>>, <<>>)},
     {sized, build_sized(<<"abcdef">>, 3)},
     {sized_too_big, try build_sized(<<"ab">>, 3) catch error:E -> E end},
     {split_fail, try split_at(12, Bin) catch error:{badmatch, _} -> badmatch end},
     {bits_as_binary, try <<(<<1:3>>)/binary>> catch error:E2 -> E2 end},
     {bits_ok, <<(<<1:3>>)/bits, 1:5>>},
     {unit_bits, begin <<X:3/binary-unit:1, _/bits>> = <<255>>, X end},
     {all_bits, begin <<_:3, Rest/bitstring>> = <<255, 1>>, Rest end}].
