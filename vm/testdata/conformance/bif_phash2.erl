-module(bif_phash2).
-export([start/0, f/1]).

%% erlang:phash2 must give OTP's values: applications persist them and
%% shard by them.
start() ->
    [hashes(T) || T <- terms()]
        ++ [funs(), maps_order(), big_map(), bits(), errors()].

%% Atoms are shown as their UTF-8 text, whatever the shell's encoding, and
%% terms holding maps as just map (releases print maps in different
%% orders).
hashes({map, T}) -> {map, hash3(T)};
hashes(T) when is_atom(T) -> {atom_to_binary(T), hash3(T)};
hashes(T) -> {T, hash3(T)}.

hash3(T) -> {erlang:phash2(T), erlang:phash2(T, 1 bsl 32), erlang:phash2(T, 7)}.

terms() ->
    [0, 1, -1, 42, 255, 256, -255, (1 bsl 27) - 1, 1 bsl 27, -(1 bsl 27), -(1 bsl 27) - 1,
     1 bsl 31, 1 bsl 32, (1 bsl 59) - 1, 1 bsl 59, 1 bsl 60, -(1 bsl 60), 1 bsl 64,
     (1 bsl 64) - 1, -(1 bsl 100), 12345678901234567890123456789,
     0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1.0e300,
     a, ok, '', 'hello world', 'éà', 'ü', 'атом', true, false,
     [], [a], [1], "a", "ab", "abc", "abcd", "abcde", "hello, world", [1 | 2], [a | b],
     [256, 1, 2], [1, 2, 300, 3, 4, 5, 6, 7], [[]], [[1], [2, 3]], "abc" ++ [a] ++ "de",
     {}, {a}, {a, b}, {1, {2, {3}}}, {[], [], []},
     <<>>, <<0>>, <<1, 2, 3>>, <<"hello world">>, <<"0123456789ab">>,
     <<"0123456789abcdefghijklmnopqrstuvwxyz">>, list_to_binary(lists:seq(0, 255)),
     {map, #{}}, {map, #{a => 1}}, {map, #{a => 1, b => 2}},
     {map, #{1 => a, [x] => {y}, <<"k">> => #{n => []}}}, {map, {#{a => [1, 2]}, [#{}], <<7>>}}].

funs() ->
    [erlang:phash2(fun lists:map/2), erlang:phash2(fun erlang:self/0),
     erlang:phash2(fun ?MODULE:f/1)].

f(X) -> X.

%% key order does not matter
maps_order() ->
    M1 = maps:from_list([{K, K * 2} || K <- lists:seq(1, 10)]),
    M2 = maps:from_list([{K, K * 2} || K <- lists:reverse(lists:seq(1, 10))]),
    {erlang:phash2(M1) =:= erlang:phash2(M2), erlang:phash2(M1)}.

%% maps above 32 keys are hash tries in OTP; the hash must not change
big_map() ->
    erlang:phash2(maps:from_list([{K, integer_to_list(K)} || K <- lists:seq(1, 100)])).

bits() ->
    <<_:3, Sub/bitstring>> = <<"abcdefghijklmnopq">>,
    [erlang:phash2(B) || B <- [<<1:1>>, <<5:3>>, <<1, 2:4>>, Sub, <<"0123456789abc", 3:2>>]].

errors() ->
    [try erlang:phash2(x, R) catch error:badarg -> badarg end
     || R <- [0, -1, (1 bsl 32) + 1, 1.0, a, 1 bsl 32, 1]].
