%% The proplists module of avm's bundled standard library: avm's own
%% implementation of OTP's proplists API (OTP 25 exports), giving the same
%% results and raising the same errors as OTP's.
%%
%% A property list holds entries of the form {Key, Value} (or longer tuples
%% whose first element is the key) and atoms, an atom A standing for
%% {A, true}. Keys are compared with =:=. Other terms have no key and are
%% ignored by the lookups.
%%
%% One difference from OTP 25: get_keys/1 returns the keys in the order
%% they first appear, where OTP's order is that of its sets module.
-module(proplists).

-export([property/1, property/2, unfold/1, compact/1,
         lookup/2, lookup_all/2, is_defined/2,
         get_value/2, get_value/3, get_all_values/2, append_values/2,
         get_bool/2, get_keys/1, delete/2,
         substitute_aliases/2, substitute_negations/2, expand/2,
         normalize/2, split/2, to_map/1, to_map/2, from_map/1]).

%% The normal form of an entry: {Atom, true} is written Atom.
property({Key, true}) when is_atom(Key) -> Key;
property(Property) -> Property.

property(Key, true) when is_atom(Key) -> Key;
property(Key, Value) -> {Key, Value}.

unfold([P | Ps]) when is_atom(P) -> [{P, true} | unfold(Ps)];
unfold([P | Ps]) -> [P | unfold(Ps)];
unfold([]) -> [].

compact(List) -> [property(P) || P <- List].

%% has_key(Key, Entry): whether Entry is an entry for Key.
has_key(Key, P) when is_atom(P) -> P =:= Key;
has_key(Key, P) when tuple_size(P) >= 1 -> element(1, P) =:= Key;
has_key(_, _) -> false.

lookup(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> {Key, true};
        tuple_size(P) >= 1, element(1, P) =:= Key -> P;
        true -> lookup(Key, Ps)
    end;
lookup(_, []) -> none.

lookup_all(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> [{Key, true} | lookup_all(Key, Ps)];
        tuple_size(P) >= 1, element(1, P) =:= Key -> [P | lookup_all(Key, Ps)];
        true -> lookup_all(Key, Ps)
    end;
lookup_all(_, []) -> [].

is_defined(Key, [P | Ps]) ->
    case has_key(Key, P) of
        true -> true;
        false -> is_defined(Key, Ps)
    end;
is_defined(_, []) -> false.

get_value(Key, List) -> get_value(Key, List, undefined).

%% The value of the first entry for Key; Default when there is none or it
%% is not a pair.
get_value(Key, [P | Ps], Default) ->
    if
        is_atom(P), P =:= Key -> true;
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, Value} -> Value;
                _ -> Default
            end;
        true -> get_value(Key, Ps, Default)
    end;
get_value(_, [], Default) -> Default.

get_all_values(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> [true | get_all_values(Key, Ps)];
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, Value} -> [Value | get_all_values(Key, Ps)];
                _ -> get_all_values(Key, Ps)
            end;
        true -> get_all_values(Key, Ps)
    end;
get_all_values(_, []) -> [].

%% Like get_all_values/2, but list values are concatenated.
append_values(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> [true | append_values(Key, Ps)];
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, Value} when is_list(Value) -> Value ++ append_values(Key, Ps);
                {_, Value} -> [Value | append_values(Key, Ps)];
                _ -> append_values(Key, Ps)
            end;
        true -> append_values(Key, Ps)
    end;
append_values(_, []) -> [].

%% true when the first entry for Key is Key or {Key, true}.
get_bool(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> true;
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, true} -> true;
                _ -> false
            end;
        true -> get_bool(Key, Ps)
    end;
get_bool(_, []) -> false.

get_keys(List) -> lists:reverse(get_keys(List, []), []).

get_keys([P | Ps], Keys) ->
    case entry_key(P) of
        {ok, Key} ->
            case lists:member(Key, Keys) of
                true -> get_keys(Ps, Keys);
                false -> get_keys(Ps, [Key | Keys])
            end;
        none -> get_keys(Ps, Keys)
    end;
get_keys([], Keys) -> Keys.

entry_key(P) when is_atom(P) -> {ok, P};
entry_key(P) when tuple_size(P) >= 1 -> {ok, element(1, P)};
entry_key(_) -> none.

delete(Key, [P | Ps]) ->
    case has_key(Key, P) of
        true -> delete(Key, Ps);
        false -> [P | delete(Key, Ps)]
    end;
delete(_, []) -> [].

%% Each {Key, Alias} renames entries for Key; the first pair for a key wins.
substitute_aliases(Aliases, List) ->
    [substitute_alias(Aliases, P) || P <- List].

substitute_alias([{Key, Alias} | As], P) ->
    if
        is_atom(P), P =:= Key -> property(Alias, true);
        tuple_size(P) >= 1, element(1, P) =:= Key -> property(setelement(1, P, Alias));
        true -> substitute_alias(As, P)
    end;
substitute_alias([], P) -> P.

%% Each {Key, Negated} replaces entries for Key by the negated property:
%% {Negated, false} for Key and {Key, true}, Negated ({Negated, true})
%% for any other entry.
substitute_negations(Negations, List) ->
    [substitute_negation(Negations, P) || P <- List].

substitute_negation([{Key, Negated} | Ns], P) ->
    if
        is_atom(P), P =:= Key -> property(Negated, false);
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, true} -> property(Negated, false);
                _ -> property(Negated, true)
            end;
        true -> substitute_negation(Ns, P)
    end;
substitute_negation([], P) -> P.

%% Each {Property, Expansion}, in order: if the first entry with
%% Property's key equals Property (in normal form), it is replaced by
%% Expansion and the later entries with that key are dropped. Expansions
%% are not expanded again (a list has no key); at the end, list elements
%% of the result are spliced in, one level deep.
expand(Expansions, List) ->
    Pairs = [{property(P), E} || {P, E} <- Expansions],
    splice(lists:foldl(fun expand_one/2, List, Pairs)).

expand_one({Property, Expansion}, List) ->
    case entry_key(Property) of
        {ok, Key} -> expand_first(Key, Property, Expansion, List);
        none -> List
    end.

expand_first(Key, Property, Expansion, [P | Ps]) ->
    case has_key(Key, P) of
        true ->
            case property(P) =:= Property of
                true -> [Expansion | delete(Key, Ps)];
                false -> [P | Ps]
            end;
        false -> [P | expand_first(Key, Property, Expansion, Ps)]
    end;
expand_first(_, _, _, []) -> [].

splice([L | Ls]) when is_list(L) -> L ++ splice(Ls);
splice([X | Ls]) -> [X | splice(Ls)];
splice([]) -> [].

normalize(List, [{aliases, Aliases} | Stages]) ->
    normalize(substitute_aliases(Aliases, List), Stages);
normalize(List, [{negations, Negations} | Stages]) ->
    normalize(substitute_negations(Negations, List), Stages);
normalize(List, [{expand, Expansions} | Stages]) ->
    normalize(expand(Expansions, List), Stages);
normalize(List, []) ->
    compact(List).

%% split(List, Keys): for each key the entries for it, and the entries for
%% none of the keys.
split(List, Keys) ->
    Groups = [lookup_entries(Key, List) || Key <- Keys],
    Rest = [P || P <- List, not has_any_key(Keys, P)],
    {Groups, Rest}.

lookup_entries(Key, [P | Ps]) ->
    case has_key(Key, P) of
        true -> [P | lookup_entries(Key, Ps)];
        false -> lookup_entries(Key, Ps)
    end;
lookup_entries(_, []) -> [].

has_any_key(Keys, P) ->
    case entry_key(P) of
        {ok, Key} -> lists:member(Key, Keys);
        none -> false
    end.

%% Pairs and atoms become map entries; the first entry for a key wins.
to_map(List) ->
    lists:foldr(fun({K, V}, M) -> M#{K => V};
                   (K, M) when is_atom(K) -> M#{K => true};
                   (_, M) -> M
                end, #{}, List).

to_map(List, Stages) -> to_map(normalize(List, Stages)).

from_map(Map) -> maps:to_list(Map).
