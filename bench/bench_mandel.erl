%% Floating-point arithmetic: the Mandelbrot set on a grid, counting the
%% iterations of z = z*z + c until |z| > 2 or a limit.
-module(bench_mandel).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(60, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

-define(W, 60).
-define(H, 40).
-define(LIMIT, 100).

run() -> rows(0, 0, 0).

rows(?H, Iters, Inside) -> {Iters, Inside};
rows(Y, Iters, Inside) ->
    Ci = -1.2 + 2.4 * Y / ?H,
    {I, N} = cols(0, Ci, Iters, Inside),
    rows(Y + 1, I, N).

cols(?W, _, Iters, Inside) -> {Iters, Inside};
cols(X, Ci, Iters, Inside) ->
    Cr = -2.1 + 3.0 * X / ?W,
    case iterate(0.0, 0.0, Cr, Ci, 0) of
        ?LIMIT -> cols(X + 1, Ci, Iters + ?LIMIT, Inside + 1);
        K -> cols(X + 1, Ci, Iters + K, Inside)
    end.

iterate(_, _, _, _, ?LIMIT) -> ?LIMIT;
iterate(Zr, Zi, Cr, Ci, K) ->
    Zr2 = Zr * Zr,
    Zi2 = Zi * Zi,
    if
        Zr2 + Zi2 > 4.0 -> K;
        true -> iterate(Zr2 - Zi2 + Cr, 2.0 * Zr * Zi + Ci, Cr, Ci, K + 1)
    end.
