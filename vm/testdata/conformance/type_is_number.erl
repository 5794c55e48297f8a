%% is_integer/is_float/is_number over small ints, bignums, floats and non-numbers.
-module(type_is_number).
-export([start/0]).

kind(X) when is_integer(X), X >= 0 -> nonneg_int;
kind(X) when is_integer(X) -> neg_int;
kind(X) when is_float(X) -> float;
kind(X) when is_number(X) -> impossible;
kind(_) -> not_number.

start() ->
    Vs = [0, 1, -1, 1 bsl 59, 1 bsl 60, -(1 bsl 60), 1 bsl 64, -(1 bsl 200),
          0.0, 1.0, -1.0e300, 5.0e-324, '1', "1", <<"1">>, {1}, [1]],
    [{kind, [kind(V) || V <- id(Vs)]},
     {is_int, [is_integer(V) || V <- id(Vs)]},
     {is_num, [is_number(V) || V <- id(Vs)]},
     {computed, is_integer(id(1 bsl 70) div id(1 bsl 69)),
      is_float(id(4) / 2), is_integer(trunc(2.7)), is_float(float(3))}].

id(X) -> X.
