%% Ordering and equality of binaries and bitstrings, and vs other term types.
-module(bin_compare).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

isort(L) -> isort(L, []).
isort([], A) -> A;
isort([H | T], A) -> isort(T, ins(H, A)).
ins(X, [H | T]) when X > H -> [H | ins(X, T)];
ins(X, L) -> [X | L].

eqs(A, B) -> {A == B, A =:= B, A < B, A > B}.

start() ->
    Bins = [<<"b">>, <<>>, <<"abc">>, <<"ab">>, <<1:1>>, <<0:1>>, <<"a", 0:1>>, <<"a">>, <<255>>, <<0>>],
    [{sorted, isort(Bins)},
     {eq, <<"abc">> =:= <<"abc">>, <<"abc">> == <<"ab">>, <<1:8>> =:= <<1>>, <<1:16>> =:= <<1>>},
     {lt, <<"abc">> < <<"abd">>, <<"ab">> < <<"abc">>, <<1:7>> < <<1:8>>, <<255:8>> < <<0, 0>>},
     {vs_types, <<>> > [], <<>> > #{}, <<>> > {}, <<>> > atom},
     {eqs, [eqs(A, B) || {A, B} <- [{<<>>, <<>>}, {<<1>>, <<1, 0>>}, {<<0:1>>, <<>>}, {<<2:2>>, <<1:1>>}]]},
     {max_min, max(<<"x">>, <<"xa">>), min(<<2:3>>, <<1:2>>)}].
