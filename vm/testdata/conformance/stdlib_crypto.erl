%% crypto: digests (one-shot and incremental), HMAC, random bytes and
%% constant-time comparison, with OTP's errors.
-module(stdlib_crypto).
-export([start/0]).

%% OTP's badarg reasons name the line of its C source, which changes from
%% release to release; only the file and the message are kept.
t(F) ->
    try F()
    catch
        error:{badarg, {File, Line}, Msg} when is_integer(Line) -> {error, {badarg, File, Msg}};
        error:R -> {error, R}
    end.

id(X) -> X.

start() ->
    Types = [md5, sha, sha224, sha256, sha384, sha512, sha3_224, sha3_256, sha3_384, sha3_512],
    Data = [<<"The quick brown fox ">>, "jumps", [$\s, <<"over">>], " the lazy dog"],
    [{hash, [crypto:hash(T, Data) || T <- Types], crypto:hash(sha256, <<>>), crypto:hash(md5, "")},
     {incremental, [begin
                        S0 = crypto:hash_init(T),
                        S1 = crypto:hash_update(S0, <<"The quick brown fox ">>),
                        S2 = crypto:hash_update(S1, ["jumps over", " the lazy dog"]),
                        %% A state is a value: S1 still holds only its data.
                        Other = crypto:hash_final(crypto:hash_update(S1, <<"cat">>)),
                        {crypto:hash_final(S2) =:= crypto:hash(T, Data),
                         Other =:= crypto:hash(T, <<"The quick brown fox cat">>),
                         crypto:hash_final(S0) =:= crypto:hash(T, <<>>)}
                    end || T <- Types]},
     {hmac, crypto:mac(hmac, sha256, <<"key">>, <<"The quick brown fox jumps over the lazy dog">>),
      crypto:mac(hmac, md5, "key", [<<"da">>, "ta"]), crypto:mac(hmac, sha, <<>>, <<>>),
      crypto:mac(hmac, sha512, binary:copy(<<"k">>, 200), <<"long key">>)},
     {pbkdf2, crypto:pbkdf2_hmac(sha256, <<"password">>, <<"salt">>, 4096, 32),
      crypto:pbkdf2_hmac(sha, <<"p">>, <<"s">>, 1, 20), crypto:pbkdf2_hmac(sha512, <<>>, <<>>, 2, 100),
      [t(fun() -> crypto:pbkdf2_hmac(D, P, S, I, L) end)
       || {D, P, S, I, L} <- [{foo, <<"p">>, <<"s">>, 1, 32}, {sha, "p", <<"s">>, 1, 20}, {sha, <<"p">>, <<"s">>, 0, 20},
                              {sha, <<"p">>, <<"s">>, 1, 0}, {md5, <<"p">>, <<"s">>, 1, 8}, {sha3_256, <<"p">>, <<"s">>, 1, 8},
                              {sha, <<"p">>, <<"s">>, -1, 20}, {sha, <<"p">>, <<"s">>, a, 20},
                              {sha, <<"p">>, <<"s">>, 1, a}, {sha, <<"p">>, "s", 1, 20}]]},
     {random, byte_size(crypto:strong_rand_bytes(16)), crypto:strong_rand_bytes(0),
      crypto:strong_rand_bytes(32) =/= crypto:strong_rand_bytes(32)},
     {equals, crypto:hash_equals(<<"abc">>, <<"abc">>), crypto:hash_equals(<<"abc">>, <<"abd">>),
      t(fun() -> crypto:hash_equals(<<1>>, <<1, 2>>) end), t(fun() -> crypto:hash_equals(id(a), <<1, 2>>) end)},
     {errors, t(fun() -> crypto:hash(id(foo), <<>>) end), t(fun() -> crypto:hash(sha, id(1)) end),
      t(fun() -> crypto:hash(sha, id("\x{100}")) end), t(fun() -> crypto:hash_init(id(foo)) end),
      t(fun() -> crypto:hash_update(id(x), <<>>) end), t(fun() -> crypto:hash_final(id(x)) end),
      t(fun() -> crypto:strong_rand_bytes(id(-1)) end), t(fun() -> crypto:strong_rand_bytes(id(a)) end),
      t(fun() -> crypto:mac(hmac, id(foo), <<"k">>, <<"d">>) end),
      t(fun() -> crypto:mac(id(cmac), sha, <<"k">>, <<"d">>) end),
      t(fun() -> crypto:mac(hmac, sha, "k", id(1)) end)}].
