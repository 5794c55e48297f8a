%% ordsets: sets as ordered lists without duplicates, as OTP's ordsets
%% module documents them. The lists are ordinary terms: order is term
%% order, and equality is ==, so 1 and 1.0 are one element.
-module(ordsets).
-export([new/0, is_set/1, size/1, is_empty/1, to_list/1, from_list/1,
         is_element/2, add_element/2, del_element/2, union/1, union/2,
         intersection/1, intersection/2, is_disjoint/2, subtract/2,
         is_subset/2, fold/3, filter/2]).

new() -> [].

is_set([E | Es]) -> is_set(Es, E);
is_set([]) -> true;
is_set(_) -> false.

is_set([E2 | Es], E1) when E1 < E2 -> is_set(Es, E2);
is_set([_ | _], _) -> false;
is_set([], _) -> true.

size(S) -> length(S).

is_empty(S) -> S =:= [].

to_list(S) -> S.

from_list(L) -> lists:usort(L).

is_element(E, [H | _]) when E < H -> false;
is_element(E, [H | T]) when E > H -> is_element(E, T);
is_element(_, [_ | _]) -> true;
is_element(_, []) -> false.

add_element(E, [H | _] = S) when E < H -> [E | S];
add_element(E, [H | T]) when E > H -> [H | add_element(E, T)];
add_element(_, [_ | _] = S) -> S;
add_element(E, []) -> [E].

del_element(E, [H | _] = S) when E < H -> S;
del_element(E, [H | T]) when E > H -> [H | del_element(E, T)];
del_element(_, [_ | T]) -> T;
del_element(_, []) -> [].

union([H1 | T1], [H2 | _] = S2) when H1 < H2 -> [H1 | union(T1, S2)];
union([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> [H2 | union(S1, T2)];
union([H1 | T1], [_ | T2]) -> [H1 | union(T1, T2)];
union([], S2) -> S2;
union(S1, []) -> S1.

union(Sets) -> lists:foldl(fun(S, Acc) -> union(Acc, S) end, [], Sets).

intersection([H1 | T1], [H2 | _] = S2) when H1 < H2 -> intersection(T1, S2);
intersection([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> intersection(S1, T2);
intersection([H1 | T1], [_ | T2]) -> [H1 | intersection(T1, T2)];
intersection(_, _) -> [].

intersection([S | Sets]) -> lists:foldl(fun(S2, Acc) -> intersection(Acc, S2) end, S, Sets);
intersection([]) -> erlang:error(function_clause, [[]]).

is_disjoint([H1 | T1], [H2 | _] = S2) when H1 < H2 -> is_disjoint(T1, S2);
is_disjoint([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> is_disjoint(S1, T2);
is_disjoint([_ | _], [_ | _]) -> false;
is_disjoint(_, _) -> true.

subtract([H1 | T1], [H2 | _] = S2) when H1 < H2 -> [H1 | subtract(T1, S2)];
subtract([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> subtract(S1, T2);
subtract([_ | T1], [_ | T2]) -> subtract(T1, T2);
subtract(S1, _) -> S1.

is_subset([H1 | _], [H2 | _]) when H1 < H2 -> false;
is_subset([H1 | _] = S1, [H2 | T2]) when H1 > H2 -> is_subset(S1, T2);
is_subset([_ | T1], [_ | T2]) -> is_subset(T1, T2);
is_subset([], _) -> true;
is_subset(_, []) -> false.

fold(F, Acc, S) -> lists:foldl(F, Acc, S).

filter(P, S) -> lists:filter(P, S).
