%% erts_debug:flat_size/1 on the terms whose layout avm counts as OTP 25's
%% 64-bit emulator does (OTP 27 changed the size of off-heap binaries).
-module(stdlib_erts_debug).
-export([start/0]).

id(X) -> X.

start() ->
    Terms = [1, a, [], {}, self(), [1], {a, b}, 1.0, 1 bsl 59, -(1 bsl 59), (1 bsl 59) - 1, 1 bsl 64,
             -(1 bsl 64), 1 bsl 128, "abc", {a, [1, 2], {b, 2.5}}, make_ref(), #{}, #{a => 1, b => 2},
             #{k => [1, 2]}, list_to_binary(lists:duplicate(64, 1)),
             list_to_binary(lists:duplicate(9, 1)), [[], [[]]]],
    [erts_debug:flat_size(id(T)) || T <- Terms].
