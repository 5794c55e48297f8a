%% Bitstring comprehensions and generators with /bits: non-byte outputs and filters.
-module(bin_bits_comprehension).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

triples(B) -> [X || <<X:3>> <= B].
odd_bits(B) -> << <<X:1>> || <<X:1, _:1>> <= B >>.
chunks(B) -> [C || <<C:5/bits>> <= B].
gray(B) -> << <<(X bxor (X bsr 1)):4>> || <<X:4>> <= B >>.
bits_out(L) -> << <<X:3>> || X <- L, X > 0 >>.

%% A generator over a bitstring whose size is not a multiple of the segment size.
leftover(B) -> [X || <<X:3>> <= B].

start() ->
    [{triples, triples(<<2#10110011, 2#10000000>>)},
     {odd_bits, odd_bits(<<2#11001100, 2#10101010>>)},
     {chunks, chunks(<<255, 0, 170>>)},
     {gray, gray(<<16#01, 16#23, 16#45>>)},
     {bits_out, bits_out([1, 0, 7, 2, 0, 5])},
     {size, bit_size(bits_out([1, 2, 3]))},
     {leftover, leftover(<<255, 1:1>>), leftover(<<1:2>>)},
     {nested, << <<(<< <<Y:2>> || <<Y:1>> <= <<X:2>> >>)/bits>> || <<X:2>> <= <<2#11100100>> >>}].
