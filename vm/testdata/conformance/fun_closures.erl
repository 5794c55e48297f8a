%% Closures capturing 0, 1, 2, and many variables; funs returning funs.
-module(fun_closures).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

adder(N) -> fun(X) -> X + N end.

capture0() -> fun() -> zero end.
capture2(A, B) -> fun(X) -> {A, X, B} end.
capture_many(A, B, C, D, E, F, G) -> fun(X) -> [X, A, B, C, D, E, F, G] end.

counter(N) -> {N, fun() -> counter(N + 1) end}.

compose(F, G) -> fun(X) -> F(G(X)) end.

curry3(F) -> fun(A) -> fun(B) -> fun(C) -> F(A, B, C) end end end.

make_list(N) -> [fun() -> I * N end || I <- [1, 2, 3]].

start() ->
    Add5 = adder(5),
    {_, Next} = counter(0),
    {C1, Next1} = Next(),
    {C2, _} = Next1(),
    Big = capture_many(a, b, c, d, e, f, g),
    Tuple = {self_ref, 42},
    InlineCap = fun() -> element(2, Tuple) end,
    [{add5, Add5(10), (adder(-1))(1)},
     {c0, (capture0())()},
     {c2, (capture2(x, y))(mid)},
     {many, Big(first)},
     {counter, C1, C2},
     {compose, (compose(Add5, fun(X) -> X * 2 end))(10), (compose(fun(X) -> X * 2 end, Add5))(10)},
     {curry, (((curry3(fun(A, B, C) -> A - B - C end))(10))(3))(2)},
     {list, [F() || F <- make_list(7)]},
     {inline, InlineCap()},
     {is_fun, is_function(Add5), is_function(Add5, 1), is_function(Add5, 2), is_function(Tuple)},
     {immediate, (fun(X, Y) -> X * Y end)(6, 7)}].
