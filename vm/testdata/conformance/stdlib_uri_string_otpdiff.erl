%% uri_string where releases differ. OTP 27 rejects ports above 65535 and
%% normalizes maps without a path; OTP 29 reports the character that makes
%% an absolute URI invalid, where OTP 25 reports the ':' that a relative
%% reference cannot have. A generated batch of strings, most of them
%% invalid, runs through parse, recompose and normalize.
-module(stdlib_uri_string_otpdiff).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

both(F, S) -> {t(fun() -> F(S) end), t(fun() -> F(unicode:characters_to_binary(S)) end)}.

%% Maps become {map, SortedPairs}: OTP 26+ prints atom keys in atom-table
%% order, so printed maps would differ between releases.
plain(M) when is_map(M) -> {map, [{K, plain(V)} || {K, V} <- lists:sort(maps:to_list(M))]};
plain([H | T]) -> [plain(H) | plain(T)];
plain(T) when is_tuple(T) -> list_to_tuple(plain(tuple_to_list(T)));
plain(X) -> X.

start() ->
    plain([{port, [{U, both(fun uri_string:parse/1, U)} || U <- ["//h:65536", "//h:99999999999999999999"]]},
           {invalid_absolute, [{U, both(fun uri_string:parse/1, U)} || U <- invalid_absolute()]},
           {resolve_invalid_base, t(fun() -> uri_string:resolve("g", "http://ex ample") end)},
           {normalize_no_path, t(fun() -> uri_string:normalize(#{scheme => "http", host => "h"}) end)},
           {generated, [{S, both(fun generated/1, S)} || S <- generated_strings(150)]}]).

invalid_absolute() ->
    ["http://ä", "http://ex ample.com", "http://h:80x", "http://h#a#b", "http://[fe80::1%25eth0]/",
     "http://h/a b", "http://h?a b", "http://h#a b", "http://h/[x]", "http://h/a\\b", "s://h/{x}"].

generated(S) ->
    case uri_string:parse(S) of
        M when is_map(M) -> {M, uri_string:recompose(M), uri_string:normalize(M)};
        E -> E
    end.

%% A deterministic stream of strings built from URI syntax fragments; an
%% LCG, so the batch is the same on every release.
generated_strings(N) ->
    Pieces = {"http", "s", "HTTP", "1", "9", ":", "://", "//", "/", "?", "#", "@", "[", "]", "::1", "[::1]",
              "1.2.3.4", "%", "%41", "%2f", "%zz", "%e4", "ä", ".", "..", "./", "../", " ", "+", "=", "&",
              "~", "!", "$", "'", "(", "*", ",", "user", "host", ":80", "x", "%25", "\\", "<", "{", "€"},
    generated_strings(N, 12345, Pieces, []).

generated_strings(0, _, _, Acc) ->
    lists:reverse(Acc);
generated_strings(N, Seed0, Pieces, Acc) ->
    {Len, Seed1} = next(Seed0, 6),
    {S, Seed} = lists:foldl(fun(_, {Str, Sd}) ->
                                    {I, Sd1} = next(Sd, tuple_size(Pieces)),
                                    {Str ++ element(I + 1, Pieces), Sd1}
                            end, {[], Seed1}, lists:seq(0, Len)),
    generated_strings(N - 1, Seed, Pieces, [S | Acc]).

next(Seed, Range) ->
    Next = (Seed * 1103515245 + 12345) band 16#7FFFFFFF,
    {(Next bsr 16) rem Range, Next}.
