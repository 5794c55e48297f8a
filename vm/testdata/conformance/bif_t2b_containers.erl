%% term_to_binary/1 byte encodings of lists, strings, tuples, binaries (no atoms).
-module(bif_t2b_containers).
-export([start/0]).

start() ->
    Ts = [[], [1], [1, 2, 3], "abc", [256, 1], [1 | 2], [[]], {}, {1}, {1, {2, []}},
          <<>>, <<1, 2, 3>>, <<1:3>>, <<255, 7:5>>, [<<"x">>, 1.5]],
    [{T, term_to_binary(T)} || T <- id(Ts)] ++
    [{large_tuple, term_to_binary(list_to_tuple([0 || _ <- seq(1, 256)])) =:=
      <<131, 105, 0, 0, 1, 0, (binary_copy(<<97, 0>>, 256))/binary>>},
     {long_string_len, byte_size(term_to_binary(seq(1, 200)))},
     {long_list, byte_size(term_to_binary(seq(1, 300)))}].

binary_copy(_, 0) -> <<>>;
binary_copy(B, N) -> <<B/binary, (binary_copy(B, N - 1))/binary>>.

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

id(X) -> X.
