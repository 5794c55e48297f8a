%% Recursive tail matching <<H, T/binary>>: sums, splitting on a byte, parsing ints.
-module(bin_tail_match).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

sum(<<>>) -> 0;
sum(<<H, T/binary>>) -> H + sum(T).

sum_acc(<<H, T/binary>>, A) -> sum_acc(T, A + H);
sum_acc(<<>>, A) -> A.

split(Bin, Sep) -> split(Bin, Sep, <<>>, []).
split(<<>>, _, Cur, Acc) -> rev([Cur | Acc]);
split(<<S, T/binary>>, S, Cur, Acc) -> split(T, S, <<>>, [Cur | Acc]);
split(<<C, T/binary>>, S, Cur, Acc) -> split(T, S, <<Cur/binary, C>>, Acc).

parse_int(<<D, T/binary>>, A) when D >= $0, D =< $9 -> parse_int(T, A * 10 + D - $0);
parse_int(Rest, A) -> {A, Rest}.

count16(<<_:16, T/binary>>, N) -> count16(T, N + 1);
count16(<<_>>, N) -> {odd, N};
count16(<<>>, N) -> N.

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

start() ->
    Big = << <<(X rem 256)>> || X <- seq(1, 100000) >>,
    [{sum, sum(<<1, 2, 3, 250>>), sum_acc(Big, 0)},
     {split, split(<<"a,bc,,d">>, $,), split(<<>>, $,)},
     {parse_int, parse_int(<<"12345abc">>, 0), parse_int(<<"x">>, 0)},
     {count16, count16(<<1, 2, 3, 4>>, 0), count16(<<1, 2, 3>>, 0)}].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
