%% Options of newer compilers, set in the source so that every release
%% compiles this file alike: line_coverage adds executable_line (OTP 27+)
%% and beam_debug_info adds debug_line and a DbgB chunk (OTP 28+). Older
%% compilers ignore options they do not know.
-module(newer).
-compile([line_coverage, beam_debug_info]).
-export([next/1]).

next(X) ->
    Y = X + 1,
    {Y, X}.
