%% string: OTP's string module, the Unicode API of OTP 20+ and the older
%% list-based one.
%%
%% The Unicode functions work on grapheme clusters. avm's clusters are a
%% simplification of Unicode's (UAX #29): "\r\n" is one cluster, and a
%% character takes along the combining marks (of the Latin, Greek,
%% Cyrillic, Hebrew, Arabic, Devanagari and Thai blocks and the generic
%% combining blocks), variation selectors, emoji modifiers and
%% zero-width-joined characters that follow it, and a pair of regional
%% indicators (a flag) is one cluster; other rules (Hangul jamo sequences,
%% other scripts' marks, prepended characters) are not applied. A cluster of several code points is a list, as in OTP.
%%
%% Input chardata is flattened: a function given a binary returns binaries
%% where OTP does, and given a list returns flat lists; given a list mixing
%% binaries and characters it returns flat lists where OTP keeps the
%% binaries' pieces. Normalization forms (equal/4) are not applied; case
%% mapping is Unicode's simple mapping plus the special unconditional
%% mappings of common characters (ß, ligatures, İ).
-module(string).

%% uppercase/1, lowercase/1, titlecase/1 and casefold/1 are Go natives
%% (vm/natives_string.go), which have the Unicode case tables.
-export([chomp/1, equal/2, equal/3, equal/4, find/2, find/3, is_empty/1,
         length/1, lexemes/2, next_codepoint/1, next_grapheme/1,
         nth_lexeme/3, pad/2, pad/3, pad/4, prefix/2, replace/3, replace/4, reverse/1,
         slice/2, slice/3, split/2, split/3, take/2, take/3, take/4,
         to_float/1, to_graphemes/1, to_integer/1, trim/1, trim/2, trim/3]).
-export([centre/2, centre/3, chars/2, chars/3, chr/2, concat/2, copies/2, cspan/2,
         join/2, left/2, left/3, len/1, rchr/2, right/2, right/3, rstr/2, span/2,
         str/2, strip/1, strip/2, strip/3, sub_string/2, sub_string/3, sub_word/2,
         sub_word/3, substr/2, substr/3, to_lower/1, to_upper/1, tokens/2, words/1,
         words/2]).

%%% Chardata and grapheme clusters

%% A pair of regional indicators (a flag) is one cluster.
-define(IS_RI(C), (C >= 16#1F1E6 andalso C =< 16#1F1FF)).

%% cps(Chardata): the flat list of code points. As in OTP, a binary that is
%% not UTF-8 raises {badarg, Binary}, and anything else not chardata
%% function_clause.
cps(L) when is_list(L) ->
    case is_flat_chars(L) of
        true -> L;
        false -> convert(L)
    end;
cps(B) when is_binary(B) -> convert(B);
cps(_) -> error(function_clause).

convert(D) ->
    case unicode:characters_to_list(D) of
        L when is_list(L) -> L;
        _ when is_binary(D) -> error({badarg, D});
        _ -> error(function_clause)
    end.

is_flat_chars([C | T]) when is_integer(C), C >= 0 -> is_flat_chars(T);
is_flat_chars([]) -> true;
is_flat_chars(_) -> false.

%% out(Input, Chars): Chars in the type of the input.
out(In, L) when is_binary(In) -> unicode:characters_to_binary(L);
out(_, L) -> L.

%% gcs(Chars): the list of grapheme clusters. Text without CR and
%% without characters from U+0300 up (where the combining marks start) is
%% its own list of clusters.
gcs(L) ->
    case is_simple(L) of
        true -> L;
        false -> clusters(L)
    end.

is_simple([C | T]) when C < 16#300, C =/= $\r -> is_simple(T);
is_simple([]) -> true;
is_simple(_) -> false.

clusters([]) -> [];
clusters(L) ->
    {G, R} = gc(L),
    [G | clusters(R)].

%% gc(Chars): the first cluster and the rest.
gc([$\r, $\n | R]) -> {[$\r, $\n], R};
gc([C | [N | _] = R]) when N < 16#300 -> {C, R}; % fast path: N extends nothing
gc([C]) -> {C, []};
gc([A, B | R]) when ?IS_RI(A), ?IS_RI(B) ->
    {Ext, R1} = extend(R, []),
    {[A, B | Ext], R1};
gc([C | R]) ->
    case extend(R, []) of
        {[], R1} -> {C, R1};
        {Ext, R1} -> {[C | Ext], R1}
    end.

extend([16#200D, C | R], Acc) when C =/= $\r, C =/= $\n -> extend(R, [C, 16#200D | Acc]);
extend([C | R], Acc) ->
    case is_extend(C) of
        true -> extend(R, [C | Acc]);
        false -> {lists:reverse(Acc), [C | R]}
    end;
extend([], Acc) -> {lists:reverse(Acc), []}.

is_extend(C) when C < 16#300 -> false;
is_extend(C) when C =< 16#36F -> true;
is_extend(C) when C >= 16#483, C =< 16#489 -> true;
is_extend(C) when C >= 16#591, C =< 16#5BD -> true;
is_extend(C) when C =:= 16#5BF; C =:= 16#5C1; C =:= 16#5C2; C =:= 16#5C4; C =:= 16#5C5; C =:= 16#5C7 -> true;
is_extend(C) when C >= 16#610, C =< 16#61A -> true;
is_extend(C) when C >= 16#64B, C =< 16#65F -> true;
is_extend(16#670) -> true;
is_extend(C) when C >= 16#6D6, C =< 16#6DC -> true;
is_extend(C) when C >= 16#6DF, C =< 16#6E4 -> true;
is_extend(C) when C >= 16#900, C =< 16#903 -> true;
is_extend(C) when C >= 16#93A, C =< 16#94F, C =/= 16#93D -> true;
is_extend(C) when C >= 16#951, C =< 16#957 -> true;
is_extend(C) when C >= 16#962, C =< 16#963 -> true;
is_extend(16#E31) -> true;
is_extend(C) when C >= 16#E34, C =< 16#E3A -> true;
is_extend(C) when C >= 16#E47, C =< 16#E4E -> true;
is_extend(C) when C >= 16#1AB0, C =< 16#1AFF -> true;
is_extend(C) when C >= 16#1DC0, C =< 16#1DFF -> true;
is_extend(C) when C >= 16#20D0, C =< 16#20FF -> true;
is_extend(C) when C >= 16#FE00, C =< 16#FE0F -> true;
is_extend(C) when C >= 16#FE20, C =< 16#FE2F -> true;
is_extend(C) when C >= 16#1F3FB, C =< 16#1F3FF -> true;
is_extend(C) when C >= 16#E0020, C =< 16#E007F -> true;
is_extend(C) when C >= 16#E0100, C =< 16#E01EF -> true;
is_extend(16#200C) -> true;
is_extend(16#200D) -> true;
is_extend(_) -> false.

%% flat(Clusters): back to code points.
flat(Gs) -> lists:flatten(Gs).

%% A separator list holds clusters: characters or lists of characters.
seps(L) when is_list(L) -> [sep(S) || S <- L];
seps(_) -> error(badarg).

sep(C) when is_integer(C) -> C;
sep(S) when is_list(S) ->
    case gcs(cps(S)) of
        [G] -> G;
        _ -> S
    end;
sep(_) -> error(badarg).

%% A bare "\n" separator or pattern also matches the "\n" of a CR-LF
%% cluster (unless "\r\n" itself is one of the separators), as in OTP:
%% such clusters are split for the search.
split_crlf(Gs, Seps) ->
    case lists:member($\n, Seps) andalso not lists:member([$\r, $\n], Seps) of
        true -> lists:append([case G of [$\r, $\n] -> [$\r, $\n]; _ -> [G] end || G <- Gs]);
        false -> Gs
    end.

whitespace() ->
    [[$\r, $\n], $\t, $\n, $\v, $\f, $\r, $\s, 16#85, 16#200E, 16#200F, 16#2028, 16#2029].

%%% The Unicode API

length(S) -> erlang:length(gcs(cps(S))).

to_graphemes(S) -> gcs(cps(S)).

is_empty(S) -> cps(S) =:= [].

equal(A, B) -> cps(A) =:= cps(B).

equal(A, B, false) -> equal(A, B);
equal(A, B, true) -> string:casefold(cps(A)) =:= string:casefold(cps(B)).

equal(A, B, IgnoreCase, Norm) when Norm =:= none; Norm =:= nfc; Norm =:= nfd;
                                   Norm =:= nfkc; Norm =:= nfkd ->
    equal(A, B, IgnoreCase).

reverse(S) -> lists:reverse(gcs(cps(S))).

next_codepoint(B) when is_binary(B) ->
    case B of
        <<>> -> [];
        <<C/utf8, R/binary>> -> [C | R];
        _ -> {error, B}
    end;
next_codepoint(L) ->
    case cps(L) of
        [] -> [];
        [C | R] -> [C | R]
    end.

next_grapheme(S) ->
    case cps(S) of
        [] -> [];
        L ->
            {G, R} = gc(L),
            [G | out(S, R)]
    end.

slice(S, Start) -> slice(S, Start, infinity).

slice(S, Start, Len) when is_integer(Start), Start >= 0,
                          (Len =:= infinity orelse (is_integer(Len) andalso Len >= 0)) ->
    Gs = drop(Start, gcs(cps(S))),
    Part = case Len of
               infinity -> Gs;
               _ -> take_n(Len, Gs)
           end,
    out(S, flat(Part)).

drop(0, L) -> L;
drop(_, []) -> [];
drop(N, [_ | T]) -> drop(N - 1, T).

take_n(0, _) -> [];
take_n(_, []) -> [];
take_n(N, [H | T]) -> [H | take_n(N - 1, T)].

pad(S, Len) -> pad(S, Len, trailing, $\s).

pad(S, Len, Dir) -> pad(S, Len, Dir, $\s).

pad(S, Len, Dir, Char) when is_integer(Len) ->
    N = max(0, Len - string:length(S)),
    case Dir of
        trailing -> [S | lists:duplicate(N, Char)];
        leading -> [lists:duplicate(N, Char), S];
        both ->
            Pre = lists:duplicate(N div 2, Char),
            Post = lists:duplicate(N rem 2, Char),
            [Pre, S, Pre | Post]
    end.

trim(S) -> trim(S, both, whitespace()).

trim(S, Dir) -> trim(S, Dir, whitespace()).

trim(S, Dir, Seps0) when Dir =:= leading; Dir =:= trailing; Dir =:= both ->
    Seps = seps(Seps0),
    Gs = split_crlf(gcs(cps(S)), Seps),
    Gs1 = case Dir of
              trailing -> Gs;
              _ -> drop_while(Seps, Gs)
          end,
    Gs2 = case Dir of
              leading -> Gs1;
              _ -> lists:reverse(drop_while(Seps, lists:reverse(Gs1)))
          end,
    out(S, flat(Gs2)).

drop_while(Seps, [G | T] = L) ->
    case lists:member(G, Seps) of
        true -> drop_while(Seps, T);
        false -> L
    end;
drop_while(_, []) -> [].

chomp(S) ->
    L = cps(S),
    out(S, chomp_list(L)).

%% Every trailing line ending goes.
chomp_list(L) -> lists:reverse(drop_newlines(lists:reverse(L))).

drop_newlines([$\n, $\r | R]) -> drop_newlines(R);
drop_newlines([$\n | R]) -> drop_newlines(R);
drop_newlines(R) -> R.

take(S, Seps) -> take(S, Seps, false, leading).

take(S, Seps, Complement) -> take(S, Seps, Complement, leading).

take(S, Seps0, Complement, Dir) when is_boolean(Complement) ->
    Seps = seps(Seps0),
    In = fun(G) -> lists:member(G, Seps) =/= Complement end,
    Gs = split_crlf(gcs(cps(S)), Seps),
    case Dir of
        leading ->
            {A, B} = lists:splitwith(In, Gs),
            {out(S, flat(A)), out(S, flat(B))};
        trailing ->
            {A, B} = lists:splitwith(In, lists:reverse(Gs)),
            {out(S, flat(lists:reverse(B))), out(S, flat(lists:reverse(A)))}
    end.

lexemes(S, Seps0) ->
    Seps = seps(Seps0),
    [out(S, flat(L)) || L <- lexeme_lists(split_crlf(gcs(cps(S)), Seps), Seps)].

lexeme_lists(Gs, Seps) ->
    case drop_while(Seps, Gs) of
        [] -> [];
        Gs1 ->
            {Lex, Rest} = until_sep(Gs1, Seps, []),
            [Lex | lexeme_lists(Rest, Seps)]
    end.

until_sep([G | T] = L, Seps, Acc) ->
    case lists:member(G, Seps) of
        true -> {lists:reverse(Acc), L};
        false -> until_sep(T, Seps, [G | Acc])
    end;
until_sep([], _, Acc) -> {lists:reverse(Acc), []}.

nth_lexeme(S, N, Seps) when is_integer(N), N > 0 ->
    Ls = lexemes(S, Seps),
    case erlang:length(Ls) >= N of
        true -> lists:nth(N, Ls);
        false -> out(S, [])
    end.

prefix(S, Prefix) ->
    P = gcs(cps(Prefix)),
    Gs = split_crlf(gcs(cps(S)), P),
    case lists:prefix(P, Gs) of
        true -> out(S, flat(lists:nthtail(erlang:length(P), Gs)));
        false -> nomatch
    end.

find(S, Pattern) -> find(S, Pattern, leading).

find(S, Pattern, Dir) when Dir =:= leading; Dir =:= trailing ->
    P = gcs(cps(Pattern)),
    Gs = split_crlf(gcs(cps(S)), P),
    case P of
        [] -> S;
        _ ->
            Found = case Dir of
                        leading -> search(Gs, P);
                        trailing -> search_last(Gs, P)
                    end,
            case Found of
                nomatch -> nomatch;
                {_, Rest} -> out(S, flat(Rest))
            end
    end.

%% search(Clusters, Pattern): {Before, FromMatch} of the first match.
search(Gs, P) -> search(Gs, P, []).

search([], _, _) -> nomatch;
search([_ | T] = L, P, Acc) ->
    case lists:prefix(P, L) of
        true -> {lists:reverse(Acc), L};
        false -> search(T, P, [hd(L) | Acc])
    end.

%% search_last(Clusters, Pattern): {Before, FromMatch} of the last match.
search_last(Gs, P) -> search_last(Gs, P, [], nomatch).

search_last([], _, _, Last) -> Last;
search_last([G | T] = L, P, Acc, Last) ->
    Last1 = case lists:prefix(P, L) of
                true -> {Acc, L};
                false -> Last
            end,
    search_last(T, P, [G | Acc], Last1).

split(S, Pattern) -> split(S, Pattern, leading).

split(S, Pattern, Where) when Where =:= leading; Where =:= trailing; Where =:= all ->
    P = gcs(cps(Pattern)),
    case P of
        [] -> [S];
        _ -> [out(S, flat(Part)) || Part <- split_gcs(split_crlf(gcs(cps(S)), P), P, Where)]
    end.

split_gcs(Gs, P, leading) ->
    case search(Gs, P) of
        nomatch -> [Gs];
        {Before, From} -> [Before, lists:nthtail(erlang:length(P), From)]
    end;
split_gcs(Gs, P, trailing) ->
    case search_last(Gs, P) of
        nomatch -> [Gs];
        {RevBefore, From} -> [lists:reverse(RevBefore), lists:nthtail(erlang:length(P), From)]
    end;
split_gcs(Gs, P, all) ->
    case search(Gs, P) of
        nomatch -> [Gs];
        {Before, From} -> [Before | split_gcs(lists:nthtail(erlang:length(P), From), P, all)]
    end.

replace(S, Pattern, Replacement) -> replace(S, Pattern, Replacement, leading).

replace(S, Pattern, Replacement, Where) ->
    lists:join(Replacement, split(S, Pattern, Where)).

to_integer(S) when is_binary(S); is_list(S) ->
    L = try cps(S) catch error:badarg -> error(badarg) end,
    {Sign, Digits} = sign(L),
    case lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, Digits) of
        {[], _} -> {error, no_integer};
        {Ds, Rest} -> {Sign * list_to_integer(Ds), out(S, Rest)}
    end;
to_integer(_) -> error(badarg).

sign([$- | R]) -> {-1, R};
sign([$+ | R]) -> {1, R};
sign(R) -> {1, R}.

to_float(S) when is_binary(S); is_list(S) ->
    L = cps(S),
    {Sign, R0} = sign(L),
    case float_parts(R0) of
        {ok, Text, Rest} ->
            F = list_to_float(Text),
            {case Sign of -1 -> -F; 1 -> F end, out(S, Rest)};
        error -> {error, no_float}
    end;
to_float(_) -> error(badarg).

%% float_parts: Digits.Digits with an optional exponent, as list_to_float
%% reads it.
float_parts(L) ->
    case digits(L) of
        {[], _} -> error;
        {Int, [$. | R1]} ->
            case digits(R1) of
                {[], _} -> error;
                {Frac, R2} ->
                    {Exp, R3} = exponent(R2),
                    {ok, Int ++ "." ++ Frac ++ Exp, R3}
            end;
        _ -> error
    end.

exponent([E | R] = L) when E =:= $e; E =:= $E ->
    {S, R1} = case R of
                  [$- | T] -> {"-", T};
                  [$+ | T] -> {"+", T};
                  _ -> {"", R}
              end,
    case digits(R1) of
        {[], _} -> {"", L};
        {Ds, R2} -> {"e" ++ S ++ Ds, R2}
    end;
exponent(L) -> {"", L}.

digits(L) -> lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, L).

%%% The list-based API of older OTP releases

len(S) -> erlang:length(S).

concat(S1, S2) -> S1 ++ S2.

chr(S, C) -> chr(S, C, 1).

chr([C | _], C, I) -> I;
chr([_ | T], C, I) -> chr(T, C, I + 1);
chr([], _, _) -> 0.

rchr(S, C) -> rchr(S, C, 1, 0).

rchr([C | T], C, I, _) -> rchr(T, C, I + 1, I);
rchr([_ | T], C, I, L) -> rchr(T, C, I + 1, L);
rchr([], _, _, L) -> L.

str(_, []) -> 0;
str(S, Sub) when is_list(Sub) -> str(S, Sub, 1).

str([_ | T] = S, Sub, I) ->
    case lists:prefix(Sub, S) of
        true -> I;
        false -> str(T, Sub, I + 1)
    end;
str([], _, _) -> 0.

rstr(_, []) -> 0;
rstr(S, Sub) when is_list(Sub) -> rstr(S, Sub, 1, 0).

rstr([_ | T] = S, Sub, I, L) ->
    case lists:prefix(Sub, S) of
        true -> rstr(T, Sub, I + 1, I);
        false -> rstr(T, Sub, I + 1, L)
    end;
rstr([], _, _, L) -> L.

span(S, Cs) -> span(S, Cs, 0).

span([C | T], Cs, I) ->
    case lists:member(C, Cs) of
        true -> span(T, Cs, I + 1);
        false -> I
    end;
span([], _, I) -> I.

cspan(S, Cs) -> cspan(S, Cs, 0).

cspan([C | T], Cs, I) ->
    case lists:member(C, Cs) of
        true -> I;
        false -> cspan(T, Cs, I + 1)
    end;
cspan([], _, I) -> I.

substr(S, Start) when is_integer(Start), Start >= 1 ->
    lists:nthtail(Start - 1, S).

substr(S, Start, Len) when is_integer(Start), Start >= 1, is_integer(Len), Len >= 0 ->
    lists:sublist(lists:nthtail(Start - 1, S), Len).

sub_string(S, Start) -> substr(S, Start).

sub_string(S, Start, Stop) -> substr(S, Start, Stop - Start + 1).

tokens(S, Seps) -> tokens(S, Seps, [], []).

tokens([C | T], Seps, Tok, Acc) ->
    case lists:member(C, Seps) of
        true when Tok =:= [] -> tokens(T, Seps, [], Acc);
        true -> tokens(T, Seps, [], [lists:reverse(Tok) | Acc]);
        false -> tokens(T, Seps, [C | Tok], Acc)
    end;
tokens([], _, [], Acc) -> lists:reverse(Acc);
tokens([], _, Tok, Acc) -> lists:reverse([lists:reverse(Tok) | Acc]).

join([], Sep) when is_list(Sep) -> [];
join([H | T], Sep) -> H ++ lists:append([Sep ++ X || X <- T]).

chars(C, N) -> chars(C, N, []).

chars(C, N, Tail) when is_integer(N), N >= 0 -> lists:duplicate(N, C) ++ Tail.

copies(S, N) when is_list(S), is_integer(N), N >= 0 -> lists:append(lists:duplicate(N, S)).

words(S) -> words(S, $\s).

%% As in OTP, the words are one more than the runs of C inside the
%% stripped string: "" has one word.
words(S, C) when is_integer(C) -> count_runs(strip(S, both, C), C, 1).

count_runs([C | T], C, N) -> count_runs(strip_left(T, C), C, N + 1);
count_runs([_ | T], C, N) -> count_runs(T, C, N);
count_runs([], _, N) -> N.

sub_word(S, N) -> sub_word(S, N, $\s).

sub_word(S, N, C) when is_integer(N), N > 0, is_integer(C) ->
    Ws = tokens(S, [C]),
    case erlang:length(Ws) >= N of
        true -> lists:nth(N, Ws);
        false -> []
    end.

strip(S) -> strip(S, both, $\s).

strip(S, Dir) -> strip(S, Dir, $\s).

strip(S, left, C) -> strip_left(S, C);
strip(S, right, C) -> lists:reverse(strip_left(lists:reverse(S), C));
strip(S, both, C) -> strip(strip_left(S, C), right, C).

strip_left([C | T], C) -> strip_left(T, C);
strip_left(S, _) when is_list(S) -> S.

left(S, N) -> left(S, N, $\s).

left(S, N, C) when is_integer(N), N >= 0 ->
    L = erlang:length(S),
    if
        L >= N -> lists:sublist(S, N);
        true -> S ++ lists:duplicate(N - L, C)
    end.

right(S, N) -> right(S, N, $\s).

right(S, N, C) when is_integer(N), N >= 0 ->
    L = erlang:length(S),
    if
        L >= N -> lists:nthtail(L - N, S);
        true -> lists:duplicate(N - L, C) ++ S
    end.

centre(S, N) -> centre(S, N, $\s).

centre(S, 0, _) when is_list(S) -> [];
centre(S, N, C) when is_integer(N), N > 0 ->
    L = erlang:length(S),
    if
        L > N -> lists:sublist(lists:nthtail((L - N) div 2, S), N);
        true ->
            Pre = (N - L) div 2,
            lists:duplicate(Pre, C) ++ S ++ lists:duplicate(N - L - Pre, C)
    end.

to_upper(S) when is_list(S) -> [upper_latin1(C) || C <- S];
to_upper(C) when is_integer(C) -> upper_latin1(C).

to_lower(S) when is_list(S) -> [lower_latin1(C) || C <- S];
to_lower(C) when is_integer(C) -> lower_latin1(C).

%% The old API maps ISO 8859-1 letters only.
upper_latin1(C) when C >= $a, C =< $z -> C - 32;
upper_latin1(C) when C >= 16#E0, C =< 16#FE, C =/= 16#F7 -> C - 32;
upper_latin1(C) -> C.

lower_latin1(C) when C >= $A, C =< $Z -> C + 32;
lower_latin1(C) when C >= 16#C0, C =< 16#DE, C =/= 16#D7 -> C + 32;
lower_latin1(C) -> C.
