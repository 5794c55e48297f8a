%% Funs created inside list comprehensions and loops capture the current values.
-module(fun_lc_closures).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

make(N) -> make(N, []).
make(0, Acc) -> Acc;
make(N, Acc) -> make(N - 1, [fun(X) -> X * N end | Acc]).

nested() -> [fun() -> {I, J} end || I <- [1, 2], J <- [a, b]].

start() ->
    Fs = make(5),
    Gs = [fun(X) -> X + I end || I <- [10, 20, 30]],
    Hs = [{K, fun() -> K * K end} || K <- [3, 4]],
    [{loop, [F(2) || F <- Fs]},
     {lc, [G(1) || G <- Gs]},
     {nested, [N() || N <- nested()]},
     {tagged, [{K, H()} || {K, H} <- Hs]},
     {sum, sumf([fun() -> N end || N <- [1, 2, 3, 4]])}].

sumf([]) -> 0;
sumf([F | T]) -> F() + sumf(T).
