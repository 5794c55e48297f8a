%% Compiled with line_coverage and beam_debug_info, so OTP 27+ emit
%% executable_line and OTP 28+ debug_line instructions (no-ops when run).
-module(misc_debug_info).
-export([start/0]).
-compile([line_coverage, beam_debug_info, nowarn_unknown_option]).

start() ->
    A = add(1, 2),
    B = try divide(A, 0) catch error:R -> R end,
    [A, B, classify(A), classify(-A)].

add(X, Y) -> X + Y.

divide(X, Y) -> X div Y.

classify(N) when N > 0 -> positive;
classify(_) -> other.
