%% math: every function, exact results where the C library and Go agree to
%% the last bit, and transcendental ones to 12 significant digits (libm and
%% Go may differ in the last place); domain errors are badarith, non-numbers
%% badarg.
-module(stdlib_math).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

%% R rounded to 12 significant digits, as an integer mantissa and exponent.
approx(R) when is_float(R), R == 0.0 -> zero;
approx(R) when is_float(R) ->
    E = floor(math:log10(abs(R))),
    {round(R / math:pow(10, E - 11)), E};
approx(Other) -> Other.

a(F) -> approx(t(F)).

start() ->
    [{pi, math:pi()},
     {exact, math:sqrt(16), math:sqrt(2.0), math:sqrt(0), math:pow(2, 10), math:pow(2.0, -1),
      math:pow(-2, 3), math:pow(0, 0), math:pow(4, 0.5), math:ceil(1.2), math:ceil(-1.2), math:ceil(3),
      math:floor(1.8), math:floor(-1.5), math:floor(-0.0), math:ceil(-0.5), math:fmod(7, 3), math:fmod(-7, 3),
      math:fmod(7.5, -2), math:fmod(0, 3), math:log2(1024), math:log10(1000), math:log(1), math:exp(0),
      math:sin(0), math:cos(0), math:atan2(0, 1), math:atan2(1, 0) * 2 == math:pi(),
      math:sqrt(1 bsl 100), math:exp(-1000), math:pow(2, 1023)},
     {approx, [a(fun() -> math:F(id(X)) end)
               || F <- [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, atanh, exp, log, log2,
                        log10, erf, erfc, sqrt],
                  X <- [0.5, -0.3, 0.999]]},
     {approx2, [a(fun() -> math:acosh(X) end) || X <- [1, 1.5, 10]],
      [a(fun() -> math:atan2(Y, X) end) || Y <- [1, -1, 0.5], X <- [1, -1, -0.25]],
      [a(fun() -> math:pow(X, Y) end) || X <- [1.5, 10, 0.2], Y <- [2.5, -3, 0.1]],
      [a(fun() -> math:F(X) end) || F <- [erf, erfc], X <- [-3, 0, 1, 2.5, 6]]},
     {domain, [t(fun() -> math:F(id(X)) end)
               || {F, X} <- [{sqrt, -1}, {log, 0}, {log, -1}, {log2, 0.0}, {log10, -5}, {acos, 2},
                             {asin, -1.5}, {atanh, 1}, {atanh, -2}, {acosh, 0.5}, {exp, 1000},
                             {cosh, 1000}, {sinh, -1000}]]},
     {domain2, t(fun() -> math:pow(id(-8), 0.5) end), t(fun() -> math:pow(id(10), 400) end),
      t(fun() -> math:pow(id(0), -1) end), t(fun() -> math:fmod(id(1), 0) end),
      t(fun() -> math:fmod(id(1.0), 0.0) end), t(fun() -> math:sqrt(id(1 bsl 2000)) end),
      t(fun() -> math:floor(id(1 bsl 2000)) end)},
     {badarg, t(fun() -> math:sqrt(id(a)) end), t(fun() -> math:pow(id(1), "2") end),
      t(fun() -> math:sin(id(<<1>>)) end), t(fun() -> math:atan2(id([]), 1) end),
      t(fun() -> math:floor(id({1})) end)}].
