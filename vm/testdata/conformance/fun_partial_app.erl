%% Partial application, flip, pipelines and funs with many arguments.
-module(fun_partial_app).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

partial(F, A) -> fun(B) -> F(A, B) end.
flip(F) -> fun(A, B) -> F(B, A) end.
pipe(X, []) -> X;
pipe(X, [F | Fs]) -> pipe(F(X), Fs).

f8(A, B, C, D, E, F, G, H) -> [A, B, C, D, E, F, G, H].

start() ->
    Sub = fun(A, B) -> A - B end,
    Minus10 = partial(flip(Sub), 10),
    Many = fun(A, B, C, D, E, F, G, H) -> f8(H, G, F, E, D, C, B, A) end,
    [{partial, (partial(Sub, 100))(1), Minus10(50)},
     {flip, (flip(fun erlang:'div'/2))(3, 10)},
     {pipe, pipe(5, [partial(fun erlang:'*'/2, 3), Minus10, fun integer_to_list/1])},
     {many, Many(1, 2, 3, 4, 5, 6, 7, 8)},
     {ext_many, (fun ?MODULE:f8/8)(a, b, c, d, e, f, g, h)}].
