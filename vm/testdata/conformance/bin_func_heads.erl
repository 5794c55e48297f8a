%% Binaries in multiple function-head clauses (match context reuse, position restore).
-module(bin_func_heads).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

classify(<<0, _/binary>>) -> zero_first;
classify(<<A, A, _/binary>>) -> {pair, A};
classify(<<A:4, B:4, Rest/binary>>) when A =:= B -> {nibbles, A, Rest};
classify(<<X:16, _/binary>>) when X > 60000 -> {big16, X};
classify(<<_, Rest/binary>>) when byte_size(Rest) > 3 -> {long, byte_size(Rest)};
classify(<<>>) -> empty;
classify(B) when is_binary(B) -> {other, B};
classify(_) -> not_binary.

tokens(<<>>, Acc) -> rev(Acc);
tokens(<<" ", R/binary>>, Acc) -> tokens(R, Acc);
tokens(<<"(", R/binary>>, Acc) -> tokens(R, [lparen | Acc]);
tokens(<<")", R/binary>>, Acc) -> tokens(R, [rparen | Acc]);
tokens(<<D, _/binary>> = B, Acc) when D >= $0, D =< $9 -> {N, R} = num(B, 0), tokens(R, [N | Acc]);
tokens(<<C, R/binary>>, Acc) -> tokens(R, [{op, C} | Acc]).

num(<<D, R/binary>>, A) when D >= $0, D =< $9 -> num(R, A * 10 + D - $0);
num(R, A) -> {A, R}.

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

start() ->
    [{classify, [classify(B) || B <- [<<0, 1>>, <<7, 7, 1>>, <<16#33, 9>>, <<255, 255>>,
                                      <<1, 2, 3, 4, 5>>, <<>>, <<1, 2>>, <<1:3>>, foo]]},
     {tokens, tokens(<<"(12 + 3) * 456">>, [])}].
