%% The filename module of avm's bundled standard library: manipulating file
%% names as text, with Unix rules ("/" separates components). A name is a
%% string, an atom, a binary or a deep list of them; a binary in gives a
%% binary out, anything else a flat string. Elixir's Path is built on it.
-module(filename).
-export([basename/1, basename/2, dirname/1, extension/1, join/1, join/2,
         rootname/1, rootname/2, split/1, flatten/1, pathtype/1, absname/1,
         absname/2, absname_join/2, nativename/1]).

%% basename(Name): the last component, after one trailing slash is
%% dropped (as OTP does: basename("a/b//") is "").
basename(Name) ->
    {Bin, Chars} = chars(Name),
    out(Bin, last_component(drop_slash(Chars))).

%% basename(Name, Ext): basename/1 without Ext when the name ends with it.
basename(Name, Ext) ->
    {Bin, Chars} = chars(Name),
    {_, E} = chars(Ext),
    Base = last_component(drop_slash(Chars)),
    out(Bin, drop_suffix(Base, E)).

%% dirname(Name): everything before the last component; "." for a name of
%% one component, "/" for a root.
dirname(Name) ->
    {Bin, Chars} = chars(Name),
    out(Bin, dir_of(Chars)).

%% extension(Name): the extension of the last component, from its last
%% "." ("" when it has none).
extension(Name) ->
    {Bin, Chars} = chars(Name),
    out(Bin, ext_of(last_component(Chars))).

%% rootname(Name): Name without what follows the last "." of its last
%% component (unlike extension/1, a leading "." counts: rootname(".profile")
%% is "", as in OTP).
rootname(Name) ->
    {Bin, Chars} = chars(Name),
    Last = last_component(Chars),
    Cut = case string:split(Last, ".", trailing) of
              [_, After] -> length(After) + 1;
              [_] -> 0
          end,
    out(Bin, lists:sublist(Chars, length(Chars) - Cut)).

%% rootname(Name, Ext): Name without Ext, when it ends with it.
rootname(Name, Ext) ->
    {Bin, Chars} = chars(Name),
    {_, E} = chars(Ext),
    out(Bin, drop_suffix(Chars, E)).

%% join(Components): the components joined with "/"; an absolute component
%% discards those before it. Redundant slashes are removed.
join([]) -> erlang:error(function_clause, [[]]);
join([Name]) ->
    {Bin, Chars} = chars(Name),
    out(Bin, normalize(Chars));
join([A, B | Rest]) -> join([join(A, B) | Rest]).

%% join(A, B): join([A, B]).
join(A, B) ->
    {BinA, CA} = chars(A),
    {BinB, CB} = chars(B),
    Joined = case CB of
                 [$/ | _] -> CB;
                 _ -> CA ++ "/" ++ CB
             end,
    out(BinA orelse BinB, normalize(Joined)).

%% split(Name): the components of Name, "/" first for an absolute name.
split(Name) ->
    {Bin, Chars} = chars(Name),
    Parts = [P || P <- string:lexemes(Chars, "/")],
    Comps = case Chars of
                [$/ | _] -> ["/" | Parts];
                _ -> Parts
            end,
    [out(Bin, C) || C <- Comps].

%% flatten(Name): a deep name as a flat string (a binary stays as it is).
flatten(Name) when is_binary(Name) -> Name;
flatten(Name) ->
    {_, Chars} = chars(Name),
    Chars.

%% pathtype(Name): absolute when it starts with "/", else relative (Unix
%% has no volumerelative names).
pathtype(Name) ->
    case chars(Name) of
        {_, [$/ | _]} -> absolute;
        _ -> relative
    end.

%% absname(Name): Name made absolute against the current directory.
absname(Name) ->
    {ok, Cwd} = file:get_cwd(),
    absname(Name, Cwd).

%% absname(Name, AbsDir): Name made absolute against AbsDir; "." and ".."
%% are kept, as in OTP.
absname(Name, AbsDir) ->
    case pathtype(Name) of
        absolute -> join([Name]);
        relative -> absname_join(AbsDir, Name)
    end.

%% absname_join(Dir, Name): join(Dir, Name), for an absolute Dir.
absname_join(Dir, Name) ->
    join(Dir, Name).

%% nativename(Name): the name as the system writes it: flat, without
%% redundant slashes.
nativename(Name) ->
    {Bin, Chars} = chars(Name),
    out(Bin, normalize(Chars)).

%% chars(Name): {WasBinary, the flat list of its characters}.
chars(Name) when is_binary(Name) -> {true, binary_to_list(Name)};
chars(Name) when is_atom(Name) -> {false, atom_to_list(Name)};
chars(Name) when is_list(Name) -> deep(Name, false, []);
chars(Name) -> erlang:error(badarg, [Name]).

deep([], Bin, Acc) -> {Bin, lists:reverse(Acc)};
deep([H | T], Bin, Acc) when is_integer(H) -> deep(T, Bin, [H | Acc]);
deep([H | T], Bin, Acc) ->
    {B, Cs} = chars(H),
    deep(T, Bin orelse B, lists:reverse(Cs, Acc)).

out(true, Chars) -> list_to_binary(Chars);
out(false, Chars) -> Chars.

drop_slash(Chars) ->
    case lists:reverse(Chars) of
        [$/ | R] when R =/= [] -> lists:reverse(R);
        _ -> Chars
    end.

strip_trailing(Chars) ->
    case lists:reverse(Chars) of
        [$/ | _] = R when length(R) > 1 -> strip_trailing(lists:reverse(tl(R)));
        _ -> Chars
    end.

last_component(Chars) ->
    case string:split(Chars, "/", trailing) of
        [_, Last] -> Last;
        [All] -> All
    end.

dir_of(Chars) ->
    case lists:splitwith(fun(C) -> C =/= $/ end, lists:reverse(Chars)) of
        {_, []} -> ".";
        {_, Slashes} ->
            case lists:dropwhile(fun(C) -> C =:= $/ end, Slashes) of
                [] -> "/";
                Dir -> lists:reverse(Dir)
            end
    end.

ext_of(Base) ->
    case string:split(Base, ".", trailing) of
        [[_ | _], Ext] -> [$. | Ext];
        _ -> []
    end.

drop_suffix(Chars, Suffix) ->
    case lists:suffix(Suffix, Chars) of
        true -> lists:sublist(Chars, length(Chars) - length(Suffix));
        false -> Chars
    end.

%% normalize: no repeated slashes, no trailing slash (but "/" stays).
normalize(Chars) ->
    strip_trailing(squeeze(Chars)).

squeeze([$/, $/ | T]) -> squeeze([$/ | T]);
squeeze([C | T]) -> [C | squeeze(T)];
squeeze([]) -> [].
