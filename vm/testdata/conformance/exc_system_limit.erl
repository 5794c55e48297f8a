%% system_limit errors: overlong atoms and absurd shifts.
-module(exc_system_limit).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

rep(0, _) -> [];
rep(N, C) -> [C | rep(N - 1, C)].

start() ->
    [{atom_300, t(fun() -> list_to_atom(rep(id(300), $x)) end)},
     {atom_256, t(fun() -> list_to_atom(rep(id(256), $x)) end)},
     {atom_255_ok, byte_size(atom_to_binary(list_to_atom(rep(id(255), $x))))},
     {bin_atom_300, t(fun() -> binary_to_atom(list_to_binary(rep(id(300), $y)), utf8) end)},
     {huge_shift, t(fun() -> 1 bsl id(100000000000) end)},
     {huge_shift_neg, t(fun() -> -1 bsl id(100000000000) end)},
     {zero_shift_ok, t(fun() -> 0 bsl id(100000000000) end)},
     {right_shift_ok, t(fun() -> 5 bsr id(100000000000) end)}].

id(X) -> X.
