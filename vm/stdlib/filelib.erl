%% filelib: file utilities over the file and filename modules, as OTP's:
%% predicates, sizes and times, ensure_dir/1, wildcard/1,2 (glob patterns
%% with ?, *, **, [set] and {alt,ernatives}; Elixir's Path.wildcard calls
%% it) and safe_relative_path/2.
-module(filelib).

-export([is_dir/1, is_file/1, is_regular/1, file_size/1, last_modified/1,
         ensure_dir/1, ensure_path/1, wildcard/1, wildcard/2, wildcard/3,
         safe_relative_path/2]).

%% Positions in #file_info{} (OTP's kernel/include/file.hrl).
-define(SIZE, 2).
-define(TYPE, 3).
-define(MTIME, 6).

is_dir(Name) ->
    type(Name) =:= directory.

is_file(Name) ->
    lists:member(type(Name), [regular, directory]).

is_regular(Name) ->
    type(Name) =:= regular.

%% file_size(Name): the size in bytes, 0 when the file cannot be read.
file_size(Name) ->
    case file:read_file_info(Name) of
        {ok, Info} -> element(?SIZE, Info);
        _ -> 0
    end.

%% last_modified(Name): the local modification time, 0 when the file
%% cannot be read.
last_modified(Name) ->
    case file:read_file_info(Name) of
        {ok, Info} -> element(?MTIME, Info);
        _ -> 0
    end.

type(Name) ->
    case file:read_file_info(Name) of
        {ok, Info} -> element(?TYPE, Info);
        _ -> none
    end.

%% ensure_dir(Name): the directories of Name's parent exist (not Name).
ensure_dir("/") ->
    ok;
ensure_dir(Name) ->
    Dir = filename:dirname(Name),
    case is_dir(Dir) of
        true ->
            ok;
        false when Dir =:= Name ->
            {error, einval};
        false ->
            _ = ensure_dir(Dir),
            case file:make_dir(Dir) of
                {error, eexist} = Exists ->
                    case is_dir(Dir) of
                        true -> ok;
                        false -> Exists
                    end;
                Other ->
                    Other
            end
    end.

%% ensure_path(Dir): Dir and its parents exist.
ensure_path(Dir) ->
    case is_dir(Dir) of
        true ->
            ok;
        false ->
            _ = ensure_dir(Dir),
            case file:make_dir(Dir) of
                {error, eexist} = Exists ->
                    case is_dir(Dir) of
                        true -> ok;
                        false -> Exists
                    end;
                Other ->
                    Other
            end
    end.

%% wildcard(Pattern): the sorted names that match, relative to the
%% current directory when the pattern is.
wildcard(Pattern) when is_list(Pattern) ->
    wildcard(Pattern, ".", file).

%% wildcard(Pattern, Cwd | Mod): relative patterns taken from Cwd, or the
%% directories read through Mod's list_dir/1 and read_link_info/1 (Elixir's
%% Path.wildcard passes a module that hides dot files).
wildcard(Pattern, Mod) when is_list(Pattern), is_atom(Mod) ->
    wildcard(Pattern, ".", Mod);
wildcard(Pattern, Cwd) when is_list(Pattern), is_list(Cwd) orelse is_binary(Cwd) ->
    wildcard(Pattern, Cwd, file).

wildcard(Pattern, Cwd, Mod) when is_list(Pattern), is_list(Cwd) orelse is_binary(Cwd), is_atom(Mod) ->
    Flat = filename:flatten(Pattern),
    lists:usort(lists:append([match_pattern(P, {Cwd, Mod}) || P <- braces(Flat)])).

match_pattern([$/ | _] = Pattern, Ctx) ->
    walk(tl(filename:split(Pattern)), "/", Ctx);
match_pattern(Pattern, Ctx) ->
    walk(filename:split(Pattern), "", Ctx).

%% walk(Parts, Prefix, Ctx): the names matching Parts under Prefix (as
%% the pattern writes it); ** follows symbolic links, as OTP's does.
walk([], Prefix, _Ctx) ->
    [Prefix];
walk(["**"], Prefix, Ctx) ->
    %% A final ** stands for everything below Prefix.
    lists:append([[Name | walk(["**"], Name, Ctx)]
                  || Name <- [join(Prefix, E) || E <- entries(Prefix, Ctx)]]);
walk(["**" | Rest], Prefix, Ctx) ->
    %% Entries that are not directories list nothing.
    Deeper = [walk(["**" | Rest], join(Prefix, E), Ctx) || E <- entries(Prefix, Ctx)],
    walk(Rest, Prefix, Ctx) ++ lists:append(Deeper);
walk([Part | Rest], Prefix, Ctx) ->
    case glob(Part) of
        {literal, Name} ->
            Next = join(Prefix, Name),
            case Rest of
                [] -> [Next || link_type(Next, Ctx) =/= none];
                _ -> walk(Rest, Next, Ctx)
            end;
        {glob, Glob} ->
            lists:append([walk(Rest, join(Prefix, Name), Ctx)
                          || Name <- entries(Prefix, Ctx), matches(Glob, Name)])
    end.

join("", Name) -> Name;
join("/", Name) -> [$/ | Name];
join(Prefix, Name) -> Prefix ++ [$/ | Name].

real("", Cwd) -> Cwd;
real([$/ | _] = Path, _Cwd) -> Path;
real(Path, ".") -> Path;
real(Path, Cwd) -> filename:join(Cwd, Path).

link_type(Path, {Cwd, Mod}) ->
    case Mod:read_link_info(real(Path, Cwd)) of
        {ok, Info} -> element(?TYPE, Info);
        _ -> none
    end.

entries(Prefix, {Cwd, Mod}) ->
    case Mod:list_dir(real(Prefix, Cwd)) of
        {ok, Names} -> Names;
        {error, _} -> []
    end.

%% braces(Pattern): the patterns {a,b} alternatives stand for.
braces(Pattern) ->
    case string:split(Pattern, "{") of
        [_] ->
            [Pattern];
        [Before, After] ->
            case alternatives(After, 0, [], []) of
                {Alts, Rest} ->
                    [Before ++ A ++ R || A0 <- Alts, A <- braces(A0), R <- braces(Rest)];
                unbalanced ->
                    erlang:error({badpattern, missing_delimiter})
            end
    end.

%% alternatives(Text, Depth, Current, Done): the comma-separated
%% alternatives up to the closing brace, and what follows it.
alternatives([], _Depth, _Cur, _Done) ->
    unbalanced;
alternatives([$} | Rest], 0, Cur, Done) ->
    {lists:reverse([lists:reverse(Cur) | Done]), Rest};
alternatives([$, | Rest], 0, Cur, Done) ->
    alternatives(Rest, 0, [], [lists:reverse(Cur) | Done]);
alternatives([${ = C | Rest], Depth, Cur, Done) ->
    alternatives(Rest, Depth + 1, [C | Cur], Done);
alternatives([$} = C | Rest], Depth, Cur, Done) ->
    alternatives(Rest, Depth - 1, [C | Cur], Done);
alternatives([C | Rest], Depth, Cur, Done) ->
    alternatives(Rest, Depth, [C | Cur], Done).

%% glob(Part): a literal name, or the compiled glob of one component:
%% a list of {char, C}, any (?), star (*) and {set, Ranges} ([abc],
%% [a-z]; as in OTP, ^ is no negation).
glob(Part) ->
    Glob = compile(Part),
    case [C || {char, C} <- Glob] of
        Chars when length(Chars) =:= length(Glob) -> {literal, Chars};
        _ -> {glob, Glob}
    end.

compile([]) -> [];
compile([$? | T]) -> [any | compile(T)];
compile([$* | T]) -> [star | compile(T)];
compile([$\\, C | T]) -> [{char, C} | compile(T)];
compile([$[ | T] = Text) ->
    case set(T, []) of
        {Set, Rest} -> [Set | compile(Rest)];
        unbalanced -> [{char, C} || C <- Text]
    end;
compile([C | T]) -> [{char, C} | compile(T)].

set(T, Acc) -> set_ranges(T, Acc).

set_ranges([], _Acc) -> unbalanced;
set_ranges([$] | Rest], Acc) -> {{set, lists:reverse(Acc)}, Rest};
set_ranges([A, $-, B | Rest], Acc) when B =/= $] -> set_ranges(Rest, [{A, B} | Acc]);
set_ranges([C | Rest], Acc) -> set_ranges(Rest, [{C, C} | Acc]).

matches([], []) -> true;
matches([star | Glob], Name) ->
    matches(Glob, Name) orelse (Name =/= [] andalso matches([star | Glob], tl(Name)));
matches([any | Glob], [_ | Name]) -> matches(Glob, Name);
matches([{char, C} | Glob], [C | Name]) -> matches(Glob, Name);
matches([{set, Ranges} | Glob], [C | Name]) ->
    lists:any(fun({Lo, Hi}) -> C >= Lo andalso C =< Hi end, Ranges)
        andalso matches(Glob, Name);
matches(_, _) -> false.

%% safe_relative_path(Name, Cwd): Name without "." and resolved ".."
%% components, or unsafe when it is absolute or climbs above its start.
%% Unlike OTP's, symbolic links under Cwd are not followed.
safe_relative_path(Name, _Cwd) ->
    case filename:pathtype(Name) of
        relative -> safe_parts(filename:split(Name), []);
        _ -> unsafe
    end.

safe_parts([], []) ->
    [];
safe_parts([], Acc) ->
    filename:join(lists:reverse(Acc));
safe_parts([Part | Rest], Acc) ->
    case {dots(Part), Acc} of
        {1, _} -> safe_parts(Rest, Acc);
        {2, []} -> unsafe;
        {2, [_ | Up]} -> safe_parts(Rest, Up);
        {0, _} -> safe_parts(Rest, [Part | Acc])
    end.

%% dots(Component): 1 for ".", 2 for "..", else 0 (strings or binaries).
dots(".") -> 1;
dots(<<".">>) -> 1;
dots("..") -> 2;
dots(<<"..">>) -> 2;
dots(_) -> 0.
