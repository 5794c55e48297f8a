%% Sub-binaries: binary_part, split_binary, matching out slices, sharing and equality.
-module(bin_sub_binaries).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

ex(F) -> try F() catch C:R -> {C, R} end.

slices(B) -> [binary_part(B, P, L) || {P, L} <- [{0, 0}, {0, 3}, {2, 2}, {5, 0}, {5, -2}, {3, -3}]].

mid(<<_:2/binary, M:3/binary, _/binary>>) -> M.

start() ->
    B = <<"abcdefgh">>,
    Sub = mid(B),
    [{slices, slices(<<"hello">>)},
     {mid, Sub, byte_size(Sub), Sub =:= <<"cde">>},
     {split, split_binary(B, 0), split_binary(B, 3), split_binary(B, 8)},
     {bad_part, ex(fun() -> binary_part(B, 7, 2) end), ex(fun() -> binary_part(B, -1, 1) end),
      ex(fun() -> binary_part(B, 0, -1) end)},
     {bad_split, ex(fun() -> split_binary(B, 9) end), ex(fun() -> split_binary(abc, 0) end)},
     {erlang_binary_part3, erlang:binary_part(B, {1, 2})},
     {sub_of_sub, binary_part(Sub, 1, 1), mid(<<Sub/binary, "xyz">>)},
     {concat_subs, <<(binary_part(B, 0, 2))/binary, (binary_part(B, 6, 2))/binary>>}].
