%% is_binary vs is_bitstring for byte-aligned and non-aligned bitstrings.
-module(type_bitstring_binary).
-export([start/0]).

b(X) when is_binary(X) -> binary;
b(X) when is_bitstring(X) -> bitstring;
b(_) -> neither.

start() ->
    B = id(<<1, 2, 3>>),
    <<_:3, Rest/bitstring>> = B,
    <<Sub:2/binary, _/binary>> = B,
    Vs = [<<>>, <<0>>, <<1:1>>, <<1:7>>, <<1:9>>, <<1:16>>, Rest, Sub,
          list_to_binary("abc"), list_to_bitstring([<<1:4>>, <<2:4>>]),
          list_to_bitstring([<<1:3>>]), "abc", abc],
    [{kind, [b(V) || V <- Vs]},
     {sizes, [{bit_size(V), byte_size(V)} || V <- Vs, is_bitstring(V)]},
     {fn, [{is_binary(V), is_bitstring(V)} || V <- Vs]}].

id(X) -> X.
