%% binary:encode_hex/2 (OTP 26, and AtomVM's binary module), which avm
%% also has on its OTP-25-compatible API.
-module(stdlib_binary_hex_case).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

start() ->
    [t(fun() -> binary:encode_hex(<<1, 171, 255>>, lowercase) end),
     t(fun() -> binary:encode_hex(<<1, 171, 255>>, uppercase) end),
     t(fun() -> binary:encode_hex(<<>>, lowercase) end),
     t(fun() -> binary:encode_hex(<<1>>, mixed) end)].
