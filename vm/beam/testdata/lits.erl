%% Literals of every shape, small and big integers, floats and maps.
-module(lits).
-export([tuple/0, list/0, map/1, ints/0, big/0, huge/0, neg/1, float/1, floats/2, atoms/1]).

tuple() -> {ok, [1, 2, 3], "text", <<"bin">>}.
list() -> [a, {b, 2.5}, -7].
map(V) -> #{key => V, other => 42}.
ints() -> [15, 16, 2047, 2048, 65535, 4294967295].
big() -> 18446744073709551616.              % 2^64: does not fit in int64
huge() -> 340282366920938463463374607431768211456. % 2^128: becomes a literal
neg(X) -> X - 1000000 + -1 + -4294967295.
float(X) -> X * 1.5.
floats(A, B) when is_float(A), is_float(B) ->
    {A * B + A / B, A - B}.
atoms(X) -> {X, 'hello world', 'émigré', '日本'}.
