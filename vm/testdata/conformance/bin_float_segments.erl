%% Float segments of 16/32/64 bits: construction, matching, ints as floats, non-float data.
-module(bin_float_segments).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

f64(X) -> <<X:64/float>>.
f32(X) -> <<X:32/float>>.
f16(X) -> <<X:16/float>>.

m64(<<F:64/float>>) -> F;
m64(_) -> nomatch.
m32(<<F:32/float>>) -> F;
m32(_) -> nomatch.
m16(<<F:16/float>>) -> F;
m16(_) -> nomatch.

%% Arithmetic on matched floats (types known to be float: fadd/fsub/fmul/fdiv/fnegate/fconv).
arith(<<A:64/float, B:64/float, N:8>>) -> {A + B, A - B, A * B, A / B, -A, A + N, N * B}.

start() ->
    Vals = [0.0, 1.0, -2.5, 3.14159, 1.0e300, 65504.0, 1.0e-5],
    [{f64, [f64(V) || V <- [1.0, -2.5, 0.1]]},
     {f32, [f32(V) || V <- [1.0, -2.5, 0.1]]},
     {f16, [f16(V) || V <- [1.0, -2.5, 65504.0, 0.5]]},
     {rt64, [m64(f64(V)) || V <- Vals]},
     {rt32, [m32(f32(V)) || V <- [0.0, 1.0, -2.5, 3.14159, 0.1]]},
     {rt16, [m16(f16(V)) || V <- [0.0, 1.0, -2.5, 65504.0, 0.099975586]]},
     {from_int, f64(3), f32(-1), f16(2)},
     {inf_nan64, m64(<<16#7FF00000:32, 0:32>>), m64(<<16#7FF80000:32, 0:32>>)},
     {inf_nan32, m32(<<16#7F800000:32>>), m32(<<16#FFC00000:32>>)},
     {inf_nan16, m16(<<16#7C00:16>>), m16(<<16#7E00:16>>)},
     {bad_size, try <<1.0:24/float>> catch error:E3 -> E3 end},
     {arith, arith(<<1.5:64/float, -0.25:64/float, 3>>)},
     {denorm16, m16(<<1:16>>)},
     {rest, begin <<A:32/float, B:64/float-little, R/binary>> = <<(f32(0.5))/binary, 1.25:64/float-little, 9>>, {A, B, R} end}].
