%% crypto's AES: crypto_one_time (ECB, CBC, CTR, CFB128; padding options)
%% and crypto_one_time_aead (GCM), round trips and OTP's errors.
-module(stdlib_crypto_aes).
-export([start/0]).

%% OTP's reasons name the line of its C source, which changes from release
%% to release; only the file and the message are kept.
t(F) ->
    try F()
    catch
        error:{Tag, {File, Line}, Msg} when is_integer(Line) -> {error, {Tag, File, Msg}};
        error:R -> {error, R}
    end.

id(X) -> X.

start() ->
    K = <<0:128>>, K24 = <<7:192>>, K32 = binary:copy(<<"k">>, 32), IV = <<1:128>>,
    D = <<"sixteen byte msg">>, Long = <<"a longer message spanning three blocks!!">>,
    Enc = crypto:crypto_one_time(aes_128_cbc, K, IV, <<"short">>, [{encrypt, true}, {padding, pkcs_padding}]),
    [{ecb, crypto:crypto_one_time(aes_128_ecb, K, D, true), crypto:crypto_one_time(aes_ecb, K24, [D, D], true),
      crypto:crypto_one_time(aes_256_ecb, K32, crypto:crypto_one_time(aes_256_ecb, K32, D, true), false),
      crypto:crypto_one_time(aes_128_ecb, K, IV, D, true), crypto:crypto_one_time(aes_128_ecb, K, D, [{encrypt, false}])},
     {cbc, crypto:crypto_one_time(aes_128_cbc, K, IV, D, true), crypto:crypto_one_time(aes_cbc, K32, IV, Long, true),
      crypto:crypto_one_time(aes_128_cbc, K, IV, <<"short">>, true), Enc,
      crypto:crypto_one_time(aes_128_cbc, K, IV, Enc, [{encrypt, false}, {padding, pkcs_padding}]),
      crypto:crypto_one_time(aes_128_cbc, K, IV, Enc, false),
      crypto:crypto_one_time(aes_128_cbc, K, IV, D, [{padding, pkcs_padding}]),
      crypto:crypto_one_time(aes_128_cbc, K, IV, <<"abc">>, [{encrypt, true}, {padding, zero}]),
      crypto:crypto_one_time(aes_128_cbc, K, IV, D, [{padding, zero}]), crypto:crypto_one_time(aes_128_cbc, K, IV, D, []),
      crypto:crypto_one_time(aes_128_cbc, K, IV, <<>>, true),
      crypto:crypto_one_time(aes_128_cbc, K, IV, <<>>, [{encrypt, true}, {padding, pkcs_padding}]),
      crypto:crypto_one_time(aes_192_cbc, K24, IV, crypto:crypto_one_time(aes_192_cbc, K24, IV, Long, true), false)},
     {stream, crypto:crypto_one_time(aes_128_ctr, K, IV, <<"short">>, true),
      crypto:crypto_one_time(aes_ctr, K32, IV, Long, true),
      crypto:crypto_one_time(aes_128_ctr, K, IV, crypto:crypto_one_time(aes_128_ctr, K, IV, Long, true), false),
      crypto:crypto_one_time(aes_128_cfb128, K, IV, <<"short">>, true),
      crypto:crypto_one_time(aes_256_cfb128, K32, IV, Long, true),
      crypto:crypto_one_time(aes_128_cfb128, K, IV, crypto:crypto_one_time(aes_128_cfb128, K, IV, Long, true), false)},
     {gcm, crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, D, <<"aad">>, true),
      crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, D, <<"aad">>, 8, true),
      crypto:crypto_one_time_aead(aes_256_gcm, K32, <<1:64>>, Long, <<>>, true),
      crypto:crypto_one_time_aead(aes_gcm, K24, <<1:256>>, [Long], [<<"a">>, "b"], 12, true),
      begin
          {C, T} = crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, D, <<"a">>, 8, true),
          {crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, C, <<"a">>, T, false),
           crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, C, <<"b">>, T, false),
           crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, C, <<"a">>, <<T/binary, 0>>, false)}
      end,
      begin
          {C2, T2} = crypto:crypto_one_time_aead(aes_gcm, K, <<1:64>>, Long, [<<"a">>], true),
          crypto:crypto_one_time_aead(aes_gcm, K, <<1:64>>, C2, <<"a">>, T2, false)
      end,
      crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, <<"x">>, <<>>, <<0:128>>, false)},
     {errors, [t(F) || F <- [fun() -> crypto:crypto_one_time(aes_128_cbc, <<1, 2>>, IV, D, true) end,
                             fun() -> crypto:crypto_one_time(aes_256_cbc, K, IV, D, true) end,
                             fun() -> crypto:crypto_one_time(aes_128_cbc, K, <<1>>, D, true) end,
                             fun() -> crypto:crypto_one_time(id(foo), K, IV, D, true) end,
                             fun() -> crypto:crypto_one_time(aes_128_cbc, K, IV, D, id(foo)) end,
                             fun() -> crypto:crypto_one_time(aes_128_cbc, K, D, true) end,
                             fun() -> crypto:crypto_one_time(aes_128_cbc, K, IV, D, [{foo, 1}]) end,
                             fun() -> crypto:crypto_one_time(aes_128_cbc, K, IV, D, [{padding, bad}]) end,
                             fun() -> crypto:crypto_one_time(aes_128_ctr, K, <<1:64>>, D, true) end,
                             fun() -> crypto:crypto_one_time(aes_128_cbc, K, IV, id(a), true) end,
                             fun() -> crypto:crypto_one_time(aes_128_cbc, K, IV, D, [{encrypt, false}, {padding, pkcs_padding}]) end,
                             fun() -> crypto:crypto_one_time_aead(aes_128_gcm, <<1>>, <<1:96>>, D, <<>>, true) end,
                             fun() -> crypto:crypto_one_time_aead(aes_128_gcm, K, <<>>, D, <<>>, true) end,
                             fun() -> crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, D, <<>>, 17, true) end,
                             fun() -> crypto:crypto_one_time_aead(aes_128_cbc, K, <<1:96>>, D, <<>>, true) end,
                             fun() -> crypto:crypto_one_time_aead(id(foo), K, <<1:96>>, D, <<>>, true) end,
                             fun() -> crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, D, <<>>, false) end,
                             fun() -> crypto:crypto_one_time_aead(aes_128_gcm, K, <<1:96>>, D, <<>>, id(a), false) end]]}].
