%% base64: encoding and decoding, whitespace and MIME skipping, and input
%% errors. Malformed base64 raises an error on both, with different reasons
%% (OTP 25's are accidents of its code), so those cases only say error.
-module(stdlib_base64).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

e(F) -> try F() catch error:_ -> error end.

id(X) -> X.

start() ->
    All = list_to_binary(lists:seq(0, 255)),
    [{encode, [base64:encode(B) || B <- [<<>>, <<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>]],
      base64:encode("hello"), base64:encode(<<250, 251, 252, 253>>), base64:encode_to_string(<<"hi">>),
      base64:encode_to_string("hi!"), base64:encode(All)},
     {decode, base64:decode(<<"aGVsbG8=">>), base64:decode("aGVsbG8="), base64:decode(<<"aGVs bG8=">>),
      base64:decode(<<"aGVs\nbG8=\n">>), base64:decode(<<"aGk=\t\r\n ">>), base64:decode(<<"aG k=">>),
      base64:decode(<<"aGk=">>), base64:decode(<<"aG==">>), base64:decode(<<"aGl=">>), base64:decode(<<>>),
      base64:decode_to_string(<<"aGk=">>), base64:decode_to_string("Zm9vYmFy"),
      base64:decode(base64:encode(All)) =:= All, base64:decode(<<"+vv8/Q==">>)},
     {mime, base64:mime_decode(<<"aG$Vs\nbG8=">>), base64:mime_decode_to_string("aGk="),
      base64:mime_decode(<<"aG=k=">>), base64:mime_decode(<<"a.G.V.s.b.G.8.=">>),
      base64:mime_decode(<<"Zm9v\r\nYmFy">>)},
     {malformed, [e(fun() -> base64:decode(B) end)
                  || B <- [<<"aGVsbG8=x">>, <<"aGV$bG8=">>, <<"a">>, <<"aGk==">>, <<"====">>, <<"aGk= =">>,
                           <<"-_-_">>]],
      [e(fun() -> base64:mime_decode(B) end) || B <- [<<"aG$Vs\nbG8=garbage">>, <<"aGVsbG8">>]]},
     {badarg, t(fun() -> base64:decode(id(<<"aGV$bG8=">>)) end), t(fun() -> base64:decode(id(<<"-_-_">>)) end),
      t(fun() -> base64:encode(id(abc)) end), t(fun() -> base64:decode(id(abc)) end)}].
