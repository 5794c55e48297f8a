%% uri_string: RFC 3986 URI references — parsing into maps, recomposing,
%% resolving against a base, normalizing — percent-encoding and the
%% application/x-www-form-urlencoded query strings of HTML 5, as OTP 25's
%% uri_string documents them. Strings come as binaries or chardata lists and
%% results keep the caller's type. Failures are returned as
%% {error, Reason, Term}, with OTP's reasons and terms: Elixir's URI module
%% and existing Erlang code match on them.
-module(uri_string).

-export([allowed_characters/0,
         compose_query/1, compose_query/2,
         dissect_query/1,
         normalize/1, normalize/2,
         parse/1,
         percent_decode/1,
         quote/1, quote/2,
         recompose/1,
         resolve/2, resolve/3,
         transcode/2,
         unquote/1]).

%% Character classes of RFC 3986, section 2 and appendix A.
-define(IS_ALPHA(C), (($a =< C andalso C =< $z) orelse ($A =< C andalso C =< $Z))).
-define(IS_DIGIT(C), ($0 =< C andalso C =< $9)).
-define(IS_HEX(C), (?IS_DIGIT(C) orelse ($a =< C andalso C =< $f) orelse ($A =< C andalso C =< $F))).
-define(IS_UNRESERVED(C),
        (?IS_ALPHA(C) orelse ?IS_DIGIT(C) orelse C =:= $- orelse C =:= $. orelse C =:= $_ orelse C =:= $~)).
-define(IS_SUB_DELIM(C),
        (C =:= $! orelse C =:= $$ orelse C =:= $& orelse C =:= $' orelse C =:= $( orelse C =:= $)
         orelse C =:= $* orelse C =:= $+ orelse C =:= $, orelse C =:= $; orelse C =:= $=)).
-define(IS_SCHEME(C), (?IS_ALPHA(C) orelse ?IS_DIGIT(C) orelse C =:= $+ orelse C =:= $- orelse C =:= $.)).
%% '%' stands for a percent-encoded triplet in the classes below: the parser
%% and the encoders let it through; the decoders check the hex digits.
-define(IS_REG_NAME(C), (C =:= $% orelse ?IS_UNRESERVED(C) orelse ?IS_SUB_DELIM(C))).
-define(IS_USERINFO(C), (C =:= $: orelse ?IS_REG_NAME(C))).
-define(IS_PCHAR(C), (C =:= $: orelse C =:= $@ orelse ?IS_REG_NAME(C))).
-define(IS_PATH(C), (C =:= $/ orelse ?IS_PCHAR(C))).
%% Query and fragment share one class.
-define(IS_QUERY(C), (C =:= $/ orelse C =:= $? orelse ?IS_PCHAR(C))).
%% The first segment of a relative path takes no ':' (RFC 3986, 4.2).
-define(IS_NOSCHEME(C), (C =:= $@ orelse ?IS_REG_NAME(C))).
-define(IS_IPV6(C), (C =:= $: orelse C =:= $. orelse ?IS_HEX(C))).

%%----------------------------------------------------------------------------
%% Parsing

%% parse(URIString): the components of a URI reference as a map; the
%% fields are of the input's type (binary, or list for chardata).
parse(URI) when is_binary(URI) ->
    try parse_reference(URI)
    catch throw:{error, _, _} = Error -> Error
    end;
parse(URI) when is_list(URI) ->
    try maps:map(fun field_to_list/2, parse_reference(unicode:characters_to_binary(URI)))
    catch throw:{error, _, _} = Error -> Error
    end.

field_to_list(_, V) when is_binary(V) -> unicode:characters_to_list(V);
field_to_list(_, V) -> V.

%% A reference is read as an absolute URI first. When that fails anywhere it
%% is read again as a relative reference, and that reading's error is the
%% one reported: "http://a b" fails on the ':' a relative path cannot hold.
parse_reference(<<>>) ->
    #{path => <<>>};
parse_reference(Bin) when is_binary(Bin) ->
    M = try absolute(Bin)
        catch throw:{error, _, _} -> relative(Bin)
        end,
    with_path(M).

with_path(#{path := _} = M) -> M;
with_path(M) -> M#{path => <<>>}.

bad_char(C) -> throw({error, invalid_uri, [C]}).

%% taken(Start, Here): what was read from Start up to Here, a suffix of it.
taken(Start, Here) ->
    binary:part(Start, 0, byte_size(Start) - byte_size(Here)).

absolute(<<C/utf8, Rest/binary>> = Bin) when ?IS_ALPHA(C) ->
    scheme(Rest, Bin);
absolute(<<C/utf8, _/binary>>) ->
    bad_char(C).

scheme(<<$:, Rest/binary>> = Here, Start) ->
    hier_part(Rest, #{scheme => taken(Start, Here)});
scheme(<<C/utf8, Rest/binary>>, Start) when ?IS_SCHEME(C) ->
    scheme(Rest, Start);
scheme(<<C/utf8, _/binary>>, _) ->
    bad_char(C);
scheme(<<>>, _) ->
    throw({error, invalid_uri, <<>>}).

hier_part(<<"//", Rest/binary>>, M) -> authority(Rest, M);
hier_part(Bin, M) -> path(Bin, Bin, M).

relative(<<"//", Rest/binary>>) -> authority(Rest, #{});
relative(<<C, _/binary>> = Bin) when C =:= $/; C =:= $?; C =:= $# -> path(Bin, Bin, #{});
relative(Bin) -> first_segment(Bin, Bin).

first_segment(<<C/utf8, Rest/binary>>, Start) when ?IS_NOSCHEME(C) ->
    first_segment(Rest, Start);
first_segment(<<$/, _/binary>> = Here, Start) ->
    path(Here, Start, #{});
first_segment(Here, Start) ->
    after_path(Here, #{path => taken(Start, Here)}).

%% The authority is read as userinfo@host first, then as a host alone.
authority(Bin, M) ->
    try userinfo(Bin, Bin, M)
    catch throw:{error, _, _} -> host(Bin, M)
    end.

userinfo(<<$@, Rest/binary>> = Here, Start, M) ->
    host(Rest, M#{userinfo => taken(Start, Here)});
userinfo(<<C/utf8, Rest/binary>>, Start, M) when ?IS_USERINFO(C) ->
    userinfo(Rest, Start, M);
userinfo(<<C/utf8, _/binary>>, _, _) ->
    bad_char(C);
userinfo(<<>>, _, _) ->
    throw({error, invalid_uri, <<>>}).

host(<<$[, Rest/binary>> = Start, M) -> ip_literal(Rest, Start, M);
host(Bin, M) -> reg_name(Bin, Bin, M).

%% reg_name also covers IPv4 addresses: their characters are a subset.
reg_name(<<C/utf8, Rest/binary>>, Start, M) when ?IS_REG_NAME(C) ->
    reg_name(Rest, Start, M);
reg_name(Here, Start, M) ->
    after_host(Here, M#{host => taken(Start, Here)}).

%% "[" IPv6address "]"; the address must be valid as a whole. OTP's parser
%% lets IPv6 characters follow the ']' and keeps them in the host.
ip_literal(<<$], Rest/binary>> = Here, Start, M) ->
    <<$[, Addr/binary>> = taken(Start, Here),
    case inet:parse_ipv6strict_address(binary_to_list(Addr)) of
        {ok, _} -> ip_literal_end(Rest, Start, M);
        {error, _} -> throw({error, invalid_uri, binary_to_list(Addr)})
    end;
ip_literal(<<C/utf8, Rest/binary>>, Start, M) when ?IS_IPV6(C) ->
    ip_literal(Rest, Start, M);
ip_literal(<<C/utf8, _/binary>>, _, _) ->
    bad_char(C);
ip_literal(<<>>, _, _) ->
    throw({error, invalid_uri, <<>>}).

ip_literal_end(<<C/utf8, Rest/binary>>, Start, M) when C =/= $:, ?IS_IPV6(C) ->
    ip_literal_end(Rest, Start, M);
ip_literal_end(Here, Start, M) ->
    after_host(Here, M#{host => unbracket(taken(Start, Here))}).

unbracket(<<$[, Rest/binary>>) ->
    case binary:last(Rest) of
        $] -> binary:part(Rest, 0, byte_size(Rest) - 1);
        _ -> Rest
    end.

after_host(<<$:, Rest/binary>>, M) -> port(Rest, Rest, M);
after_host(Bin, M) -> path_abempty(Bin, M).

port(<<C, Rest/binary>>, Start, M) when ?IS_DIGIT(C) ->
    port(Rest, Start, M);
port(Here, Start, M) ->
    Port = case taken(Start, Here) of
               <<>> -> undefined;
               Digits -> binary_to_integer(Digits)
           end,
    path_abempty(Here, M#{port => Port}).

%% What may follow an authority: an absolute path, a query, a fragment.
path_abempty(<<$/, _/binary>> = Bin, M) -> path(Bin, Bin, M);
path_abempty(Bin, M) -> after_path(Bin, M).

path(<<C/utf8, Rest/binary>>, Start, M) when ?IS_PATH(C) ->
    path(Rest, Start, M);
path(Here, Start, M) ->
    after_path(Here, M#{path => taken(Start, Here)}).

after_path(<<$?, Rest/binary>>, M) -> query(Rest, Rest, M);
after_path(<<$#, Rest/binary>>, M) -> fragment(Rest, Rest, M);
after_path(<<C/utf8, _/binary>>, _) -> bad_char(C);
after_path(<<>>, M) -> M.

query(<<C/utf8, Rest/binary>>, Start, M) when ?IS_QUERY(C) ->
    query(Rest, Start, M);
query(<<$#, Rest/binary>> = Here, Start, M) ->
    fragment(Rest, Rest, M#{query => taken(Start, Here)});
query(<<C/utf8, _/binary>>, _, _) ->
    bad_char(C);
query(<<>>, Start, M) ->
    M#{query => Start}.

fragment(<<C/utf8, Rest/binary>>, Start, M) when ?IS_QUERY(C) ->
    fragment(Rest, Start, M);
fragment(<<C/utf8, _/binary>>, _, _) ->
    bad_char(C);
fragment(<<>>, Start, M) ->
    M#{fragment => Start}.

%%----------------------------------------------------------------------------
%% Recomposing

-define(URI_KEYS, [scheme, userinfo, host, port, path, query, fragment]).

%% recompose(URIMap): the URI string of a map as parse/1 returns it. The
%% result is a binary when every component is one, else a list.
recompose(Map) when is_map(Map) ->
    case is_map_key(path, Map) andalso maps:keys(maps:without(?URI_KEYS, Map)) =:= [] of
        false ->
            {error, invalid_map, Map};
        true ->
            try compose(Map)
            catch throw:{error, _, _} = Error -> Error
            end
    end.

compose(Map) ->
    Steps = [fun scheme_part/2, fun userinfo_part/2, fun host_part/2, fun port_part/2,
             fun path_part/2, fun query_part/2, fun fragment_part/2],
    lists:foldl(fun(Step, Acc) -> Step(Map, Acc) end, none, Steps).

scheme_part(#{scheme := Scheme}, none) ->
    case Scheme =:= [] orelse Scheme =:= <<>> orelse not valid_scheme(Scheme) of
        true -> throw({error, invalid_scheme, Scheme});
        false -> suffixed(Scheme, ":")
    end;
scheme_part(#{}, none) ->
    none.

valid_scheme([]) -> true;
valid_scheme([C | T]) -> ?IS_SCHEME(C) andalso valid_scheme(T);
valid_scheme(<<>>) -> true;
valid_scheme(<<C, T/binary>>) -> ?IS_SCHEME(C) andalso valid_scheme(T).

userinfo_part(#{userinfo := U}, Acc) -> append(prefixed("//", encode(U, fun is_userinfo/1)), Acc);
userinfo_part(#{}, Acc) -> Acc.

%% An IPv6 address goes in brackets; other hosts are reg-names.
host_part(#{host := Host} = Map, Acc) ->
    Prefix = case is_map_key(userinfo, Map) of
                 true -> "@";
                 false -> "//"
             end,
    Text = case is_ipv6_host(Host) of
               true -> prefixed("[", suffixed(Host, "]"));
               false -> encode(Host, fun is_reg_name/1)
           end,
    append(prefixed(Prefix, Text), Acc);
host_part(#{}, Acc) ->
    Acc.

is_ipv6_host([]) -> false;
is_ipv6_host(Host) when is_binary(Host) -> is_ipv6_text(unicode:characters_to_list(Host));
is_ipv6_host(Host) -> is_ipv6_text(Host).

%% A binary host that is not UTF-8 is a function_clause error, as in OTP.
is_ipv6_text(Text) when is_list(Text) ->
    element(1, inet:parse_ipv6strict_address(Text)) =:= ok.

port_part(#{port := undefined}, Acc) -> append_port(<<":">>, Acc);
port_part(#{port := Port}, Acc) -> append_port(<<$:, (integer_to_binary(Port))/binary>>, Acc);
port_part(#{}, Acc) -> Acc.

%% As in OTP, a port with nothing before it is a function_clause error.
append_port(Text, Acc) when Acc =/= none -> append(Text, Acc).

%% With an authority the path must be empty or start with '/'.
path_part(#{path := Path}, none) ->
    encode(Path, fun is_path/1);
path_part(#{host := _, path := Path}, Head) ->
    append(encode(absolute_path(Path), fun is_path/1), Head);
path_part(#{path := Path}, Head) ->
    append(encode(Path, fun is_path/1), Head).

absolute_path(Path) when is_binary(Path) ->
    case Path of
        <<>> -> Path;
        <<$/, _/binary>> -> Path;
        _ -> <<$/, Path/binary>>
    end;
absolute_path(Path) ->
    absolute_flat_path(unicode:characters_to_list(Path)).

absolute_flat_path([]) -> [];
absolute_flat_path([$/ | _] = Path) -> Path;
absolute_flat_path(Path) when is_list(Path) -> [$/ | Path].

query_part(#{query := Query}, Acc) -> append(prefixed("?", encode(Query, fun is_query/1)), Acc);
query_part(#{}, Acc) -> Acc.

fragment_part(#{fragment := Fragment}, Acc) -> append(prefixed("#", encode(Fragment, fun is_query/1)), Acc);
fragment_part(#{}, Acc) -> Acc.

%% append(Part, Acc): Acc followed by Part; binary while both are.
append(Part, none) -> Part;
append(Part, Acc) when is_binary(Acc), is_binary(Part) -> <<Acc/binary, Part/binary>>;
append(Part, Acc) when is_binary(Acc), is_list(Part) -> unicode:characters_to_list(Acc) ++ Part;
append(Part, Acc) when is_list(Acc), is_binary(Part) -> Acc ++ unicode:characters_to_list(Part);
append(Part, Acc) when is_list(Acc) -> Acc ++ Part.

prefixed(Prefix, Text) when is_binary(Text) -> <<(list_to_binary(Prefix))/binary, Text/binary>>;
prefixed(Prefix, Text) when is_list(Text) -> Prefix ++ Text.

suffixed(Text, Suffix) when is_binary(Text) -> <<Text/binary, (list_to_binary(Suffix))/binary>>;
suffixed(Text, Suffix) when is_list(Text) -> Text ++ Suffix.

%%----------------------------------------------------------------------------
%% Percent-encoding

is_reg_name(C) -> ?IS_REG_NAME(C).
is_userinfo(C) -> ?IS_USERINFO(C).
is_path(C) -> ?IS_PATH(C).
is_query(C) -> ?IS_QUERY(C).
is_unreserved(C) -> ?IS_UNRESERVED(C).

%% encode(Text, Keep): Text with each character Keep rejects replaced by
%% the %XX triplets of its UTF-8 bytes.
encode(Text, Keep) when is_list(Text) ->
    unicode:characters_to_list(encode_bin(unicode:characters_to_binary(Text), Keep, <<>>));
encode(Text, Keep) when is_binary(Text) ->
    encode_bin(Text, Keep, <<>>).

encode_bin(<<C/utf8, Rest/binary>>, Keep, Acc) ->
    case Keep(C) of
        true -> encode_bin(Rest, Keep, <<Acc/binary, C>>);
        false -> encode_bin(Rest, Keep, pct_encode(<<C/utf8>>, Acc))
    end;
encode_bin(<<>>, _, Acc) ->
    Acc;
encode_bin(Invalid, _, _) ->
    throw({error, invalid_input, Invalid}).

pct_encode(<<B, Rest/binary>>, Acc) ->
    pct_encode(Rest, <<Acc/binary, $%, (hex_digit(B bsr 4)), (hex_digit(B band 15))>>);
pct_encode(<<>>, Acc) ->
    Acc.

hex_digit(N) when N < 10 -> $0 + N;
hex_digit(N) -> $A + N - 10.

hex_value(C) when ?IS_DIGIT(C) -> C - $0;
hex_value(C) when $a =< C, C =< $f -> C - $a + 10;
hex_value(C) when $A =< C, C =< $F -> C - $A + 10.

upper_hex(C) when $a =< C, C =< $f -> C - 32;
upper_hex(C) -> C.

%% decode(Text, Which): Text with its %XX triplets decoded: every one
%% (all), or those of unreserved characters, the others upper-cased
%% (unreserved; RFC 3986, 6.2.2.1 and 6.2.2.2). The result must be UTF-8.
decode(Text, Which) when is_list(Text) ->
    unicode:characters_to_list(decode(unicode:characters_to_binary(Text), Which));
decode(Text, Which) when is_binary(Text) ->
    decode_bin(Text, Which, <<>>).

decode_bin(<<$%, H, L, Rest/binary>>, Which, Acc) ->
    case ?IS_HEX(H) andalso ?IS_HEX(L) of
        false ->
            throw({error, invalid_percent_encoding, <<$%, H, L>>});
        true ->
            B = hex_value(H) * 16 + hex_value(L),
            case Which =:= all orelse ?IS_UNRESERVED(B) of
                true -> decode_bin(Rest, Which, <<Acc/binary, B>>);
                false -> decode_bin(Rest, Which, <<Acc/binary, $%, (upper_hex(H)), (upper_hex(L))>>)
            end
    end;
decode_bin(<<B, Rest/binary>>, Which, Acc) ->
    decode_bin(Rest, Which, <<Acc/binary, B>>);
decode_bin(<<>>, _, Acc) ->
    case unicode:characters_to_list(Acc) of
        Chars when is_list(Chars) -> Acc;
        _ -> throw({error, invalid_utf8, Acc})
    end.

%% percent_decode(URI): a URI string, or the userinfo, host, path, query
%% and fragment of a map, with every %XX triplet decoded.
percent_decode(URIMap) when is_map(URIMap) ->
    try
        lists:foldl(fun(Key, M) -> percent_decode_field(Key, M) end,
                    URIMap, [fragment, host, path, query, userinfo])
    catch throw:Error -> Error
    end;
percent_decode(URI) when is_list(URI); is_binary(URI) ->
    unquote(URI).

percent_decode_field(Key, M) ->
    case M of
        #{Key := V} ->
            case unquote(V) of
                {error, Reason, Term} -> throw({error, {invalid, {Key, {Reason, Term}}}});
                Decoded -> M#{Key := Decoded}
            end;
        #{} ->
            M
    end.

%% quote(Data): Data with every character but the unreserved ones
%% percent-encoded (OTP 25).
quote(Data) ->
    encode(Data, fun is_unreserved/1).

%% quote(Data, Safe): as quote/1, also keeping the characters of Safe.
quote(Data, Safe) ->
    encode(Data, fun(C) -> ?IS_UNRESERVED(C) orelse lists:member(C, Safe) end).

%% unquote(Data): Data with every %XX triplet decoded. For a binary, an
%% invalid triplet or UTF-8 sequence is thrown, as OTP does.
unquote(Data) when is_list(Data) ->
    try decode(Data, all)
    catch throw:{error, _, _} = Error -> Error
    end;
unquote(Data) ->
    decode(Data, all).

%%----------------------------------------------------------------------------
%% Normalizing (RFC 3986, 6.2.2 and 6.2.3)

normalize(URI) ->
    normalize(URI, []).

%% normalize(URI, Options): URI in normal form, as a string, or as a map
%% with [return_map].
normalize(URIMap, Options) when is_map(URIMap), (Options =:= [] orelse Options =:= [return_map]) ->
    try normalize_map(URIMap) of
        Map when Options =:= [] -> recompose(Map);
        Map -> Map
    catch throw:{error, _, _} = Error -> Error
    end;
normalize(URI, Options) when Options =:= []; Options =:= [return_map] ->
    case parse(URI) of
        Map when is_map(Map) -> normalize(Map, Options);
        Error -> Error
    end.

normalize_map(Map0) ->
    Map1 = lower_field(host, lower_field(scheme, Map0)),
    Map2 = lists:foldl(fun(Key, M) -> decode_field(Key, M) end, Map1, [fragment, host, path, query, userinfo]),
    Map3 = case Map2 of
               #{port := undefined} -> maps:remove(port, Map2);
               _ -> Map2
           end,
    remove_dot_segments(scheme_defaults(Map3)).

lower_field(Key, M) ->
    case M of
        #{Key := V} -> M#{Key := lower(V)};
        #{} -> M
    end.

lower(Text) when is_list(Text) -> to_list(lower(to_binary(Text)));
lower(Text) when is_binary(Text) -> <<<<(ascii_lower(C))>> || <<C>> <= Text>>.

ascii_lower(C) when $A =< C, C =< $Z -> C + 32;
ascii_lower(C) -> C.

decode_field(Key, M) ->
    case M of
        #{Key := V} -> M#{Key := decode(V, unreserved)};
        #{} -> M
    end.

%% A scheme's default port is dropped; http(s) paths are at least "/".
scheme_defaults(#{scheme := Scheme} = M) ->
    Defaults = [{"http", 80}, {"https", 443}, {"ftp", 21}, {"ssh", 22}, {"sftp", 22}, {"tftp", 69}],
    Name = if is_binary(Scheme) -> binary_to_list(Scheme); true -> Scheme end,
    case lists:keyfind(Name, 1, Defaults) of
        {_, Port} ->
            M1 = case M of
                     #{port := Port} -> maps:remove(port, M);
                     _ -> M
                 end,
            case {Name, M1} of
                {"http" ++ _, #{path := ""}} -> M1#{path := "/"};
                {"http" ++ _, #{path := <<>>}} -> M1#{path := <<"/">>};
                _ -> M1
            end;
        false ->
            M
    end;
scheme_defaults(M) ->
    M.

remove_dot_segments(#{path := Path} = M) when is_binary(Path) ->
    M#{path := dot_segments(Path, <<>>)};
remove_dot_segments(#{path := Path} = M) when is_list(Path) ->
    M#{path := to_list(dot_segments(to_binary(Path), <<>>))}.

%% The algorithm of RFC 3986, 5.2.4, on an input and an output buffer.
dot_segments(<<"../", In/binary>>, Out) -> dot_segments(In, Out);
dot_segments(<<"./", In/binary>>, Out) -> dot_segments(In, Out);
dot_segments(<<"/./", In/binary>>, Out) -> dot_segments(<<$/, In/binary>>, Out);
dot_segments(<<"/.">>, Out) -> dot_segments(<<$/>>, Out);
dot_segments(<<"/../", In/binary>>, Out) -> dot_segments(<<$/, In/binary>>, drop_last_segment(Out));
dot_segments(<<"/..">>, Out) -> dot_segments(<<$/>>, drop_last_segment(Out));
dot_segments(In, Out) when In =:= <<".">>; In =:= <<"..">> -> Out;
dot_segments(<<>>, Out) -> Out;
dot_segments(<<First, In/binary>>, Out) ->
    Len = case binary:match(In, <<"/">>) of
              {Pos, _} -> Pos;
              nomatch -> byte_size(In)
          end,
    <<Segment:Len/binary, Rest/binary>> = In,
    dot_segments(Rest, <<Out/binary, First, Segment/binary>>).

drop_last_segment(Out) ->
    case binary:matches(Out, <<"/">>) of
        [] -> <<>>;
        Slashes ->
            {Pos, _} = lists:last(Slashes),
            binary:part(Out, 0, Pos)
    end.

%%----------------------------------------------------------------------------
%% Resolving (RFC 3986, 5.2)

resolve(Ref, Base) ->
    resolve(Ref, Base, []).

%% resolve(Ref, Base, Options): the target URI of reference Ref against an
%% absolute Base, as a string, or as a map with [return_map].
resolve(RefMap, Base, Options) when is_map(RefMap) ->
    case resolve_map(RefMap, Base) of
        Target when is_map(Target) ->
            case Options of
                [return_map] -> Target;
                [] -> recompose(Target)
            end;
        Error ->
            Error
    end;
resolve(Ref, Base, Options) ->
    case parse(Ref) of
        RefMap when is_map(RefMap) -> resolve(RefMap, Base, Options);
        Error -> Error
    end.

resolve_map(#{scheme := _} = Ref, _) ->
    remove_dot_segments(Ref);
resolve_map(Ref, #{scheme := _} = Base) ->
    resolve_against(Ref, Base);
resolve_map(_, Base) when is_map(Base) ->
    {error, invalid_scheme, ""};
resolve_map(Ref, Base) ->
    case parse(Base) of
        #{scheme := _} = BaseMap -> resolve_against(Ref, BaseMap);
        BaseMap when is_map(BaseMap) -> {error, invalid_scheme, ""};
        Error -> Error
    end.

resolve_against(Ref, Base) ->
    resolve_against(Ref, Base, iolist_to_binary(maps:get(path, Ref, <<>>))).

resolve_against(#{host := _} = Ref, #{scheme := Scheme}, _) ->
    remove_dot_segments(Ref#{scheme => Scheme});
resolve_against(Ref, Base, RefPath) ->
    Authority = maps:with([scheme, userinfo, host, port], Base),
    case RefPath of
        <<>> ->
            Inherited = case is_map_key(query, Ref) of
                            true -> [path];
                            false -> [path, query]
                        end,
            maps:merge(Ref, maps:merge(Authority, maps:with(Inherited, Base)));
        <<$/, _/binary>> ->
            remove_dot_segments(maps:merge(Ref, Authority));
        _ ->
            #{path := Path} = Ref,
            remove_dot_segments(maps:merge(Ref#{path := merge_paths(Path, Base)}, Authority))
    end.

%% RFC 3986, 5.2.3: a relative path replaces the last segment of the base's.
merge_paths(Path, #{path := BasePath} = Base) ->
    Size = iolist_size(BasePath),
    case is_map_key(host, Base) andalso Size =:= 0 of
        true when is_binary(Path) ->
            <<$/, Path/binary>>;
        true ->
            unicode:characters_to_list([$/, Path]);
        false ->
            case string:split(BasePath, <<"/">>, trailing) of
                [Dir, _] -> join_path(Dir, Path);
                [_] -> Path
            end
    end.

join_path(Dir, Path) when is_binary(Path) -> unicode:characters_to_binary([Dir, $/, Path]);
join_path(Dir, Path) -> unicode:characters_to_list([Dir, $/, Path]).

%%----------------------------------------------------------------------------
%% Transcoding

%% transcode(URIString, Options): the URI with its characters and
%% percent-encoded bytes moved from in_encoding to out_encoding (both utf8
%% unless given).
transcode(URI, Options) when is_binary(URI) ->
    try
        In = proplists:get_value(in_encoding, Options, utf8),
        Out = proplists:get_value(out_encoding, Options, utf8),
        to_binary(transcode_chars(to_list(URI, In), In, Out), utf8, Out)
    catch throw:{error, _, _} = Error -> Error
    end;
transcode(URI, Options) when is_list(URI) ->
    In = proplists:get_value(in_encoding, Options, utf8),
    Out = proplists:get_value(out_encoding, Options, utf8),
    %% As in OTP, a chardata error here is thrown, not returned.
    Chars = flatten(URI, In),
    try transcode_chars(Chars, In, Out)
    catch throw:{error, _, _} = Error -> Error
    end.

flatten([], _) -> [];
flatten(Data, In) -> flatten(Data, In, []).

flatten([H | T], In, Acc) when is_binary(H) -> flatten(T, In, lists:reverse(to_list(H, In), Acc));
flatten([H | T], In, Acc) when is_list(H) -> flatten(H ++ T, In, Acc);
flatten([H | T], In, Acc) -> flatten(T, In, [H | Acc]);
flatten([], _, Acc) -> lists:reverse(Acc);
flatten(Tail, _, _) -> throw({error, invalid_input, Tail}).

%% Each run of %XX triplets is a byte string in In, rewritten in Out.
transcode_chars([_ | _] = Chars, In, Out) ->
    transcode_chars(Chars, In, Out, []).

transcode_chars([$%, _, _ | _] = Chars, In, Out, Acc) ->
    {Bytes, Rest} = pct_run(Chars, <<>>),
    Encoded = to_list(pct_encode(to_binary(Bytes, In, Out), <<>>), utf8),
    transcode_chars(Rest, In, Out, lists:reverse(Encoded, Acc));
transcode_chars([C | Rest], In, Out, Acc) ->
    transcode_chars(Rest, In, Out, [C | Acc]);
transcode_chars([], _, _, Acc) ->
    lists:reverse(Acc).

pct_run([$%, H, L | Rest] = Chars, Bytes) ->
    case ?IS_HEX(H) andalso ?IS_HEX(L) of
        true -> pct_run(Rest, <<Bytes/binary, (hex_value(H) * 16 + hex_value(L))>>);
        false -> throw({error, invalid_percent_encoding, Chars})
    end;
pct_run(Rest, Bytes) ->
    {Bytes, Rest}.

%%----------------------------------------------------------------------------
%% Form-urlencoded queries (HTML 5)

compose_query(List) ->
    compose_query(List, [{encoding, utf8}]).

%% compose_query(QueryList, Options): the query string of [{Key, Value}] or
%% [{Key, true}] pairs; a list when any key or value is one.
compose_query([], _) ->
    [];
compose_query(List, Options) ->
    try compose_pairs(List, Options, false, [])
    catch throw:{error, _, _} = Error -> Error
    end.

compose_pairs([{Key, Value} | Rest], Options, AnyList, Acc) ->
    Text = case Value of
               true -> form_encode(Key, Options);
               _ -> <<(form_encode(Key, Options))/binary, $=, (form_encode(Value, Options))/binary>>
           end,
    Sep = case Rest of
              [] -> [];
              _ -> [$&]
          end,
    compose_pairs(Rest, Options, AnyList orelse is_list(Key) orelse is_list(Value), [Acc, Text | Sep]);
compose_pairs([], _, AnyList, Acc) ->
    Query = iolist_to_binary(Acc),
    case AnyList of
        true -> to_list(Query, utf8);
        false -> Query
    end.

%% Characters beyond Latin-1 become "&#N;" in the latin1 encoding.
form_encode(Text, [{encoding, latin1}]) when is_list(Text) ->
    form_bytes(latin1_refs(to_binary(Text), <<>>));
form_encode(Text, [{encoding, latin1}]) when is_binary(Text) ->
    form_bytes(latin1_refs(Text, <<>>));
form_encode(Text, [{encoding, utf8}]) when is_binary(Text) ->
    form_bytes(Text);
form_encode(Text, [{encoding, Enc}]) when (is_list(Text) andalso Enc =:= utf8) orelse Enc =:= unicode ->
    form_bytes(to_binary(Text, utf8, Enc));
form_encode(Text, [{encoding, Enc}]) when is_list(Text); is_binary(Text) ->
    throw({error, invalid_encoding, Enc});
form_encode(Text, _) ->
    throw({error, invalid_input, Text}).

latin1_refs(<<C/utf8, Rest/binary>>, Acc) when C > 255 ->
    latin1_refs(Rest, <<Acc/binary, "&#", (integer_to_binary(C))/binary, $;>>);
latin1_refs(<<C/utf8, Rest/binary>>, Acc) ->
    latin1_refs(Rest, <<Acc/binary, C>>);
latin1_refs(<<>>, Acc) ->
    Acc.

form_bytes(Bin) ->
    << <<(form_byte(B))/binary>> || <<B>> <= Bin >>.

form_byte($\s) -> <<$+>>;
form_byte(B) when ?IS_ALPHA(B); ?IS_DIGIT(B); B =:= $*; B =:= $-; B =:= $.; B =:= $_ -> <<B>>;
form_byte(B) -> pct_encode(<<B>>, <<>>).

%% dissect_query(QueryString): the [{Key, Value}] pairs of a query string,
%% [{Key, true}] for a key without '='; strings of the input's type.
dissect_query(<<>>) ->
    [];
dissect_query([]) ->
    [];
dissect_query(Query) when is_list(Query) ->
    try dissect_key(to_binary(Query, utf8, utf8), list, <<>>, [])
    catch throw:{error, _, _} = Error -> Error
    end;
dissect_query(Query) ->
    try dissect_key(Query, binary, <<>>, [])
    catch throw:{error, _, _} = Error -> Error
    end.

%% An "&#" in a key starts a character reference, not a new pair.
dissect_key(<<$=, Rest/binary>>, Type, Key, Acc) ->
    dissect_value(Rest, Type, Key, <<>>, Acc);
dissect_key(<<"&#", Rest/binary>>, Type, Key, Acc) ->
    dissect_key(Rest, Type, <<Key/binary, "&#">>, Acc);
dissect_key(<<$&, Rest/binary>>, Type, Key, Acc) ->
    dissect_key(Rest, Type, <<>>, [{form_decode(Key, Type), true} | Acc]);
dissect_key(<<B, Rest/binary>>, Type, Key, Acc) ->
    dissect_key(Rest, Type, <<Key/binary, B>>, Acc);
dissect_key(<<>>, Type, Key, Acc) ->
    lists:reverse(Acc, [{form_decode(Key, Type), true}]).

dissect_value(<<$&, Rest/binary>>, Type, Key, Value, Acc) ->
    Pair = {form_decode(Key, Type), form_decode(Value, Type)},
    dissect_key(Rest, Type, <<>>, [Pair | Acc]);
dissect_value(<<B, Rest/binary>>, Type, Key, Value, Acc) ->
    dissect_value(Rest, Type, Key, <<Value/binary, B>>, Acc);
dissect_value(<<>>, Type, Key, Value, Acc) ->
    lists:reverse(Acc, [{form_decode(Key, Type), form_decode(Value, Type)}]).

form_decode(Text, list) -> to_list(char_refs(form_unescape(Text, <<>>), <<>>), utf8);
form_decode(Text, binary) -> char_refs(form_unescape(Text, <<>>), <<>>).

form_unescape(<<$+, Rest/binary>>, Acc) ->
    form_unescape(Rest, <<Acc/binary, $\s>>);
form_unescape(<<$%, H, L, Rest/binary>> = Text, Acc) ->
    case ?IS_HEX(H) andalso ?IS_HEX(L) of
        true -> form_unescape(Rest, <<Acc/binary, (hex_value(H) * 16 + hex_value(L))>>);
        false -> throw({error, invalid_percent_encoding, to_list(Text, utf8)})
    end;
form_unescape(<<C/utf8, Rest/binary>>, Acc) ->
    form_unescape(Rest, <<Acc/binary, C/utf8>>);
form_unescape(<<B, _/binary>>, _) ->
    throw({error, invalid_character, [B]});
form_unescape(<<>>, Acc) ->
    Acc.

%% "&#N;" decimal character references, as compose_query/2 writes them.
char_refs(<<"&#", Rest/binary>>, Acc) ->
    char_ref(Rest, 0, Acc);
char_refs(<<C/utf8, Rest/binary>>, Acc) ->
    char_refs(Rest, <<Acc/binary, C/utf8>>);
char_refs(<<B, _/binary>>, _) ->
    throw({error, invalid_input, [B]});
char_refs(<<>>, Acc) ->
    Acc.

char_ref(<<D, Rest/binary>>, N, Acc) when ?IS_DIGIT(D) ->
    char_ref(Rest, N * 10 + D - $0, Acc);
char_ref(<<$;, Rest/binary>>, N, Acc) ->
    char_refs(Rest, <<Acc/binary, N/utf8>>);
char_ref(<<B, _/binary>>, _, _) ->
    throw({error, invalid_input, [B]}).

%%----------------------------------------------------------------------------
%% Character classes

%% allowed_characters(): the ASCII characters each URI component allows.
allowed_characters() ->
    Classes = [{scheme, fun(C) -> ?IS_SCHEME(C) end},
               {userinfo, fun is_userinfo/1},
               {host, fun(C) -> C =:= $: orelse ?IS_UNRESERVED(C) orelse ?IS_SUB_DELIM(C) end},
               {ipv4, fun(C) -> C =:= $. orelse ?IS_DIGIT(C) end},
               {ipv6, fun(C) -> ?IS_IPV6(C) end},
               {regname, fun is_reg_name/1},
               {path, fun is_path/1},
               {query, fun is_query/1},
               {fragment, fun is_query/1},
               {reserved, fun(C) -> lists:member(C, ":/?#[]@") orelse ?IS_SUB_DELIM(C) end},
               {unreserved, fun is_unreserved/1}],
    [{Name, lists:filter(Keep, lists:seq(0, 127))} || {Name, Keep} <- Classes].

%%----------------------------------------------------------------------------
%% Encoding conversions; a failure is {error, invalid_input, Rest}.

to_binary(Data) -> to_binary(Data, utf8, utf8).

to_binary(Data, In, Out) ->
    case unicode:characters_to_binary(Data, In, Out) of
        Bin when is_binary(Bin) -> Bin;
        {_, _, Rest} -> throw({error, invalid_input, Rest})
    end.

to_list(Bin) -> to_list(Bin, utf8).

to_list(Data, In) ->
    case unicode:characters_to_list(Data, In) of
        Chars when is_list(Chars) -> Chars;
        {_, _, Rest} -> throw({error, invalid_input, Rest})
    end.
