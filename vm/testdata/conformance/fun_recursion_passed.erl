%% Recursion through funs passed as arguments (Y-combinator style, CPS).
-module(fun_recursion_passed).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

y(F) -> fun(X) -> (F(y(F)))(X) end.

fact_gen() -> fun(Self) -> fun(0) -> 1; (N) -> N * Self(N - 1) end end.

fact_self(F, 0) -> F =:= F andalso 1;
fact_self(F, N) -> N * F(F, N - 1).

cps_fact(0, K) -> K(1);
cps_fact(N, K) -> cps_fact(N - 1, fun(R) -> K(N * R) end).

cps_sum([], K) -> K(0);
cps_sum([H | T], K) -> cps_sum(T, fun(S) -> K(H + S) end).

tree_map(F, {N, L, R}) -> {F(N), tree_map(F, L), tree_map(F, R)};
tree_map(_, nil) -> nil.

start() ->
    SelfFact = fun(Me, N) -> fact_self(Me, N) end,
    [{y, (y(fact_gen()))(10)},
     {self, fact_self(fun(G, M) -> fact_self(G, M) end, 6), SelfFact(SelfFact, 5)},
     {cps, cps_fact(20, fun(X) -> X end), cps_fact(5, fun(X) -> {done, X} end)},
     {cps_sum, cps_sum(seq(1, 10000), fun(X) -> X end)},
     {tree, tree_map(fun(X) -> X * 2 end, {1, {2, nil, nil}, {3, {4, nil, nil}, nil}})}].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
