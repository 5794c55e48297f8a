%% Guards: and/or/andalso/orelse/not/xor, guard BIFs, failing guard BIFs, guard sequences.
-module(match_guards).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

g1(X) when X > 0, X < 10 -> small_pos;
g1(X) when X < 0; X > 100 -> out;
g1(_) -> mid.

g2(X, Y) when X > 0 andalso Y > 0 -> both;
g2(X, Y) when X > 0 orelse Y > 0 -> one;
g2(_, _) -> none.

g3(X, Y) when (X > 0) and (Y > 0) -> both;
g3(X, Y) when (X > 0) or (Y > 0) -> one;
g3(X, Y) when (X > 0) xor (Y > 0) -> never;
g3(_, _) -> none.

g4(X) when not is_integer(X) -> not_int;
g4(X) when not (X > 5) -> le5;
g4(_) -> gt5.

g5(L) when length(L) > 2 -> long;
g5(L) when is_list(L) -> short;
g5(_) -> not_list.

g6(T) when element(1, T) =:= ok -> ok_tuple;
g6(_) -> other.

g7(X) when abs(X) > 10, trunc(X) rem 2 =:= 0 -> big_even;
g7(X) when is_float(X); is_atom(X) -> float_or_atom;
g7(_) -> other.

g8(X) when is_integer(X) andalso (X rem 3 =:= 0 orelse X rem 5 =:= 0) -> fizzbuzzy;
g8(_) -> plain.

g9(M, K) when map_get(K, M) > 1 -> big;
g9(M, _) when map_size(M) =:= 0 -> empty;
g9(_, _) -> other.

g10(B) when byte_size(B) >= 2, binary_part(B, 0, 2) =:= <<"ok">> -> ok_prefix;
g10(_) -> no.

start() ->
    [{g1, [g1(X) || X <- [5, -1, 200, 50, 10]]},
     {g2, [g2(X, Y) || {X, Y} <- [{1, 1}, {1, 0}, {0, 1}, {0, 0}, {a, 1}]]},
     {g3, [g3(X, Y) || {X, Y} <- [{1, 1}, {1, 0}, {0, 1}, {0, 0}]]},
     {g4, [g4(X) || X <- [a, 3, 9, 5.0]]},
     {g5, [g5(X) || X <- [[1, 2, 3], [1], [a | b], x]]},
     {g6, [g6(X) || X <- [{ok, 1}, {error}, {}, ok]]},
     {g7, [g7(X) || X <- [12, 13, -14, 1.5, a, 3, "x"]]},
     {g8, [g8(X) || X <- [3, 5, 7, 15, 9.0]]},
     {g9, [g9(M, k) || M <- [#{k => 2}, #{k => 0}, #{}, #{j => 5}]]},
     {g10, [g10(B) || B <- [<<"okay">>, <<"o">>, <<"nope">>, not_bin]]}].
