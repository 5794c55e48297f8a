%% Alternative clauses that re-read the same binary from saved positions (get/set_position).
-module(bin_backtrack).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

parse(<<1, X:8, Y:8, _/binary>>) when X > Y -> {one_desc, X, Y};
parse(<<1, X:16, _/binary>>) when X rem 2 =:= 0 -> {one_even16, X};
parse(<<1, Rest/binary>>) -> {one, Rest};
parse(<<2, L, Str:L/binary, Tail/binary>>) when L > 0 -> {str, Str, Tail};
parse(<<2, _/binary>>) -> two_bad;
parse(<<Tag, _/binary>>) -> {tag, Tag};
parse(<<>>) -> empty.

inner(B) ->
    case B of
        <<"ab", Rest/binary>> when byte_size(Rest) > 2 -> {ab_long, Rest};
        <<"a", _, "c", Rest/binary>> -> {a_c, Rest};
        <<"a", Rest/binary>> -> {a, Rest};
        <<_:4, N:4, _/bits>> when N > 8 -> {low_nibble, N};
        _ -> none
    end.

start() ->
    [{parse, [parse(B) || B <- [<<1, 5, 3>>, <<1, 0, 4>>, <<1, 0, 3>>, <<1>>, <<2, 2, "hi!">>,
                                <<2, 0>>, <<2, 5, "x">>, <<9, 9>>, <<>>]]},
     {inner, [inner(B) || B <- [<<"abcdef">>, <<"abc">>, <<"axcq">>, <<"azz">>, <<16#1F>>, <<"q">>]]}].
