%% ~p, ~P and ~w of a few hundred pseudo-random terms (a fixed linear
%% congruential sequence, so every run builds the same terms): nested
%% lists, tuples, maps, strings, binaries and numbers of random shapes and
%% sizes, laid out at several line lengths and start columns. Each text is
%% reduced to a checksum to keep the expected output small.
-module(stdlib_io_format_random).
-export([start/0]).

start() ->
    {Terms, _} = terms(300, 12345, []),
    [[sum(fmt("~p", [T])), sum(fmt("~50p", [T])), sum(fmt("~.30p", [T])), sum(fmt("~P", [T, 6])),
      sum(fmt("~w", [T]))]
     || T <- Terms].

sum(Chars) when is_list(Chars) -> {length(Chars), sum(Chars, 0)};
sum(Error) -> Error.

sum([], Acc) -> Acc;
sum([C | Cs], Acc) -> sum(Cs, (Acc * 31 + C) rem 1000000007).

terms(0, Seed, Acc) -> {lists:reverse(Acc), Seed};
terms(N, Seed, Acc) ->
    {T, Seed1} = term(4, Seed),
    terms(N - 1, Seed1, [T | Acc]).

next(Seed) -> (Seed * 1103515245 + 12345) rem 2147483648.

pick(N, Seed) ->
    S = next(Seed),
    {(S div 65536) rem N, S}.

term(0, Seed) -> leaf(Seed);
term(D, Seed) ->
    {K, S1} = pick(10, Seed),
    case K of
        0 -> many(D, S1, list);
        1 -> many(D, S1, tuple);
        2 -> many(D, S1, map);
        3 -> many(D, S1, tagged);
        4 -> many(D, S1, improper);
        _ -> leaf(S1)
    end.

many(D, Seed, Kind) ->
    {N, S1} = pick(9, Seed),
    {Elems, S2} = elems(N, D - 1, S1, []),
    {case Kind of
         list -> Elems;
         tuple -> list_to_tuple(Elems);
         map -> maps:from_list(lists:zip(lists:seq(1, N), Elems));
         tagged -> list_to_tuple([tag_atom(N) | Elems]);
         improper -> lists:foldr(fun(E, Acc) -> [E | Acc] end, improper_tail, Elems)
     end, S2}.

tag_atom(N) -> element(N + 1, {ok, error, reply, state, 'EXIT', noreply, a_long_tag_name, x, '$gen_call'}).

elems(0, _D, Seed, Acc) -> {Acc, Seed};
elems(N, D, Seed, Acc) ->
    {E, S1} = term(D, Seed),
    elems(N - 1, D, S1, [E | Acc]).

leaf(Seed) ->
    {K, S1} = pick(12, Seed),
    {V, S2} = pick(100000, S1),
    {case K of
         0 -> V;
         1 -> -V * 1000000007;
         2 -> V / 7;
         3 -> tag_atom(V rem 9);
         4 -> lists:sublist("the quick brown fox jumps over the lazy dog", V rem 44);
         5 -> list_to_binary(lists:sublist("binary text for printing", V rem 25));
         6 -> <<V:24>>;
         7 -> lists:seq(1, V rem 30);
         8 -> [V rem 256, (V div 256) rem 256];
         9 -> {};
         10 -> [];
         _ -> 'Quoted Atom'
     end, S2}.

fmt(F, A) ->
    try lists:flatten(io_lib:format(F, A))
    catch C:R -> {C, R}
    end.
