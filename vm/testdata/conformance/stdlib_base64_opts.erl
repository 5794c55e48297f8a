%% base64's options map of OTP 26 (mode and padding), which avm also takes
%% on its OTP-25-compatible API; OTP 25 has no base64:*/2.
-module(stdlib_base64_opts).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

start() ->
    Url = #{mode => urlsafe},
    NoPad = #{padding => false},
    [{encode, t(fun() -> base64:encode(<<250, 251, 252, 253>>, Url) end),
      t(fun() -> base64:encode(<<250, 251>>, #{mode => urlsafe, padding => false}) end),
      t(fun() -> base64:encode(<<1>>, NoPad) end), t(fun() -> base64:encode(<<1>>, #{}) end),
      t(fun() -> base64:encode(<<1>>, #{foo => 1}) end),
      t(fun() -> base64:encode_to_string(<<"hi">>, NoPad) end)},
     {decode, t(fun() -> base64:decode(<<"-_s">>, #{mode => urlsafe, padding => false}) end),
      t(fun() -> base64:decode(<<"-_s=">>, Url) end), t(fun() -> base64:decode(<<"AQ">>, NoPad) end),
      t(fun() -> base64:decode(<<"AQ==">>, NoPad) end), t(fun() -> base64:decode(<<"AQ">>, #{}) end),
      t(fun() -> base64:decode_to_string(<<"aGk">>, NoPad) end),
      t(fun() -> base64:mime_decode(<<"-_8=">>, Url) end),
      t(fun() -> base64:mime_decode_to_string(<<"aGk">>, NoPad) end)}].
