%% Merge sort of a mixed-type list demonstrates the total term order.
-module(cmp_sort_total).
-export([start/0]).

msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = split(L, [], []),
    merge(msort(A), msort(B)).

split([], A, B) -> {A, B};
split([H | T], A, B) -> split(T, [H | B], A).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | B]) when X =< Y -> [X | merge(A, [Y | B])];
merge(A, [Y | B]) -> [Y | merge(A, B)].

start() ->
    L = [<<"b">>, "b", b, {b}, #{b => 1}, [], 2, 2.5, <<1:3>>, {a, b},
         #{}, -1, 1 bsl 70, -1.0e30, 'B', "", <<>>, [a | b], {}, 0.0,
         #{a => 1, b => 2}, [[]], <<0, 0>>, <<0>>, z, 3.0],
    S = msort(id(L)),
    [{sorted, S}, {len, length(S) =:= length(L)},
     {ordered, is_ordered(S)},
     {types, [type_of(X) || X <- S]}].

is_ordered([A, B | T]) -> A =< B andalso is_ordered([B | T]);
is_ordered(_) -> true.

type_of(X) when is_number(X) -> number;
type_of(X) when is_atom(X) -> atom;
type_of(X) when is_tuple(X) -> tuple;
type_of(X) when is_map(X) -> map;
type_of([]) -> nil;
type_of(X) when is_list(X) -> list;
type_of(X) when is_bitstring(X) -> bitstring.

id(X) -> X.
