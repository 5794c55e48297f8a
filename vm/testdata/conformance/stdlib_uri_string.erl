%% uri_string: parsing URI references (authorities, IPv6 literals, ports,
%% empty parts, relative references, invalid input, lists and binaries),
%% recomposing, normalizing, resolving (RFC 3986, 5.4), transcoding,
%% percent-decoding and quoting, and HTML form queries with Unicode.
%% What later releases changed is in stdlib_uri_string_otpdiff.erl.
-module(stdlib_uri_string).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

%% Both string types, so list results are checked against binary ones.
both(F, S) -> {t(fun() -> F(S) end), t(fun() -> F(unicode:characters_to_binary(S)) end)}.

%% Maps become {map, SortedPairs}: OTP 26+ prints atom keys in atom-table
%% order, so printed maps would differ between releases.
plain(M) when is_map(M) -> {map, [{K, plain(V)} || {K, V} <- lists:sort(maps:to_list(M))]};
plain([H | T]) -> [plain(H) | plain(T)];
plain(T) when is_tuple(T) -> list_to_tuple(plain(tuple_to_list(T)));
plain(X) -> X.

start() ->
    Parse = fun uri_string:parse/1,
    plain([{parse, [{U, both(Parse, U)} || U <- parse_cases()]},
           {parse_other, t(fun() -> uri_string:parse(<<"a", 255>>) end),
            t(fun() -> uri_string:parse([$a, -1]) end), t(fun() -> uri_string:parse([foo]) end),
            t(fun() -> uri_string:parse(foo) end), uri_string:parse(["http://", <<"h">>, [$/, "p"]])},
           {recompose, [{U, both(fun(S) -> uri_string:recompose(uri_string:parse(S)) end, U)}
                        || U <- parse_cases(), is_map(uri_string:parse(U))]},
           {recompose_maps, [t(fun() -> uri_string:recompose(M) end) || M <- recompose_maps()]},
           {normalize, [{U, both(fun uri_string:normalize/1, U)} || U <- normalize_cases()],
            [t(fun() -> uri_string:normalize(U, [return_map]) end) || U <- normalize_cases()],
            [t(fun() -> uri_string:normalize(M) end) || M <- normalize_maps()],
            t(fun() -> uri_string:normalize("http://h", [bad]) end)},
           {resolve_normal, [{R, uri_string:resolve(R, "http://a/b/c/d;p?q")} || R <- rfc_normal()],
            [uri_string:resolve(unicode:characters_to_binary(R), <<"http://a/b/c/d;p?q">>) || R <- rfc_normal()]},
           {resolve_abnormal, [{R, uri_string:resolve(R, <<"http://a/b/c/d;p?q">>)} || R <- rfc_abnormal()]},
           {resolve_other, [t(fun() -> uri_string:resolve(R, B) end) || {R, B} <- resolve_cases()],
            t(fun() -> uri_string:resolve("g?y", "http://a/b", [return_map]) end),
            t(fun() -> uri_string:resolve(#{path => "x"}, #{scheme => "http", host => "h", path => ""}) end),
            t(fun() -> uri_string:resolve(#{path => <<"x">>}, "http://h/a/b", [return_map]) end)},
           {transcode, [t(fun() -> uri_string:transcode(U, O) end) || {U, O} <- transcode_cases()]},
           {compose_query, [t(fun() -> uri_string:compose_query(Q) end) || Q <- compose_cases()],
            [t(fun() -> uri_string:compose_query(Q, O) end) || {Q, O} <- compose_opt_cases()]},
           {dissect_query, [{Q, both(fun uri_string:dissect_query/1, Q)} || Q <- dissect_cases()],
            t(fun() -> uri_string:dissect_query(<<"a=", 255>>) end),
            t(fun() -> uri_string:dissect_query(<<"a=%E2%82">>) end)},
           {query_roundtrip, [uri_string:dissect_query(uri_string:compose_query(Q)) || Q <- compose_cases()]},
           {percent_decode, [t(fun() -> uri_string:percent_decode(U) end) || U <- decode_cases()],
            [t(fun() -> uri_string:percent_decode(unicode:characters_to_binary(U)) end) || U <- decode_cases()],
            [t(fun() -> uri_string:percent_decode(M) end) || M <- decode_maps()]},
           {quote, [t(fun() -> uri_string:quote(D) end) || D <- quote_cases()],
            [t(fun() -> uri_string:quote(D, ":/@") end) || D <- quote_cases()],
            [t(fun() -> uri_string:unquote(uri_string:quote(D)) end) || D <- quote_cases()],
            t(fun() -> uri_string:unquote("%zz") end), t(fun() -> uri_string:unquote(<<"%zz">>) end)},
           {allowed_characters, uri_string:allowed_characters()}]).

parse_cases() ->
    ["", "http://example.com", "http://example.com/", "HTTP://Example.COM:8080/a/b?c=d#e",
     "foo://user:pw@host:8080/p/a/t/h?query=1#frag", "https://user@h", "//u@", "//@", "//", "///", "////a",
     "//h:", "//h:0080", "//h:65535", "//:80", "//h?", "//h#", "//h?#", "//h/?#",
     "http://[::1]", "http://[::1]:443/x", "http://[2001:db8::7]/c=GB?objectClass?one", "//[fe80::1]:",
     "//[::1]ab", "//[::1]:8:9", "//[::1", "//[::g]", "//[1::2::3]/x", "//[::ffff:1.2.3.4]", "//[v1.x]/",
     "http://1.2.3.4:8/", "http://01.2.3.4/", "//999.1.1.1", "//1.2.3", "ldap://[2001:db8::7]/c=GB",
     "mailto:John.Doe@example.com", "news:comp.infosystems.www.servers.unix", "tel:+1-816-555-1212",
     "telnet://192.0.2.16:80/", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2", "a:b:c", "a:", "a:/",
     "a:?q", "a:#f", "a+b.c-d:x", "1a:b", "?", "#", "?q#f", "/", "/a/b/../c", "a/b", "./a:b", "a@b", "g;x=1/../y",
     "../..", "%41%42", "%zz", "/a%", "http://h/%E4", "ä", "/ä", "?ä", "#ä", <<"€"/utf8>>, "//a@b:x",
     "//a@b@c", "//u:p@[::1]:99/", "//[fe80::1%25eth0]/", ":", ":a", "/a b", "a b:c", "//h/a b", "?a b",
     "#a b", "//h/[x]", "/a\\b", "{x}", "//h/p?q/?r#f/?"].

recompose_maps() ->
    [#{scheme => "http", host => "example.com", path => "/a", query => "b=c", fragment => "d"},
     #{scheme => <<"http">>, host => <<"ä.com"/utf8>>, path => <<"/a b">>},
     #{scheme => <<"http">>, host => "h", path => <<"p">>},
     #{scheme => "foo", userinfo => "u s@r", host => "::1", port => 8080, path => ""},
     #{host => <<"fe80::1%eth0">>, path => <<>>}, #{host => <<"1.2.3.4">>, port => undefined, path => <<"/">>},
     #{host => "", path => ""}, #{host => <<"h">>, path => ["/a", <<"/b">>]}, #{scheme => "a", path => "b:c"},
     #{path => <<"/a?b#c">>, query => <<"x#y ä"/utf8>>, fragment => <<"#">>}, #{path => "a:b"},
     #{scheme => "", path => ""}, #{scheme => <<>>, path => <<>>}, #{scheme => "1 x", path => ""},
     #{scheme => <<"ht tp">>, path => <<>>}, #{host => "h"}, #{path => "", bogus => 1}, not_a_map,
     #{port => 80, path => ""}, #{scheme => "s", port => 80, path => ""}, #{host => "h", port => "80", path => ""},
     #{userinfo => "u", path => "/p"}, #{path => <<"a", 255>>}, #{host => [$h, <<"ost">>], path => "/ä"},
     #{host => <<"h", 255>>, path => <<>>}].

normalize_cases() ->
    ["HTTP://EXAMPLE.com:80/%7euser/./a/../b", "https://h:443", "https://h:444", "http://h", "ftp://h:21/x",
     "ssh://h:22", "sftp://h:22", "tftp://h:69/f", "Foo://H:80/.", "http://h:/a/./b/../../c/",
     "http://%41%62@h/%7E%2f%e4?%61%2F#%7a%3F", "http://h/%zz", "http://h/%c3%a4", "http://h/%ff",
     "/a/b/c/./../../g", "mid/content=5/../6", "../../a", ".", "..", "/.", "/..", "a/..", "a/../..", "/a/b/..",
     "http://[::1]:80", "s://H/%ab%cd", "http://h?"].

normalize_maps() ->
    [#{scheme => <<"HTTP">>, host => <<"H">>, path => <<"/a/../b">>, port => 80},
     #{host => "H", path => "", port => undefined}, #{scheme => "http", path => ""}, #{path => "/a/./b"},
     #{path => <<"%4">>, query => <<"%4">>}, #{path => "/%ZZ"},
     #{path => <<"/%E4">>}, #{path => <<"/%C3%A4">>, fragment => <<"%zz">>, query => <<"%yy">>}].

rfc_normal() ->
    ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", "", ".",
     "./", "..", "../", "../g", "../..", "../../", "../../g"].

rfc_abnormal() ->
    ["../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h",
     "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x", "http:g"].

resolve_cases() ->
    [{"g", "foo"}, {"g", #{path => "/a"}}, {"g", "http://h"}, {<<"g">>, <<"http://h">>}, {"g", "s:a"},
     {"../g", "s:a/b/c"}, {"g", "//ex ample"}, {"/ä", "http://h"}, {"g", "http://u@h:8/a/b?q#f"},
     {"?y", "http://h"}, {"#f", "http://h/p?q"}, {"", "http://h/p?q#f"}, {"//x/../y", "http://h/p"},
     {"s:a/../b", "bogus base"}, {<<"g">>, "http://h/a/"}, {"g", <<"http://h/a/b">>}, {"a b", "http://h/"}].

transcode_cases() ->
    [{<<"%E4">>, [{in_encoding, latin1}]}, {"%E4%E5x", [{in_encoding, latin1}, {out_encoding, utf8}]},
     {<<"%C3%A4">>, [{in_encoding, utf8}, {out_encoding, latin1}]}, {<<"a%20b%zz">>, []},
     {"http://h/%C3%A4?x=%E2%82%AC", [{out_encoding, {utf16, little}}]}, {"%E2%82", []}, {<<"%4">>, []},
     {<<"ä%C3%A4"/utf8>>, [{out_encoding, latin1}]}, {[<<"%C3">>, "%A4", [$x]], []}, {<<>>, []}, {"", []},
     {"%41%42C%43", [{in_encoding, latin1}, {out_encoding, utf32}]}, {<<"abc">>, [{in_encoding, latin1}]},
     {<<"€"/utf8>>, [{out_encoding, latin1}]}, {["a" | b], []}, {[<<255>>], []}].

compose_cases() ->
    [[{"foo bar", "1"}, {"city", "örebro"}], [{<<"foo bar">>, <<"1">>}, {<<"city">>, <<"örebro"/utf8>>}],
     [{<<"a">>, true}, {<<"b">>, <<"&=+%">>}], [{"a", true}], [{<<"€"/utf8>>, <<"*-._~!">>}],
     [{<<"k">>, "v"}], [{<<>>, <<>>}], [{<<"x">>, <<"a\nb\r">>}]].

compose_opt_cases() ->
    [{[{"city", "örebro €"}], [{encoding, latin1}]}, {[{<<"c">>, <<"ö€"/utf8>>}], [{encoding, latin1}]},
     {[{"c", "ö"}], [{encoding, unicode}]}, {[{"c", "ö"}], [{encoding, utf16}]}, {[{"c", "ö"}], []},
     {[], [{encoding, bogus}]}, {[{a, "b"}], [{encoding, utf8}]}, {[{"a", 1}], [{encoding, utf8}]},
     {[{"a", "b"} | bad], [{encoding, utf8}]}, {[{"a"}], [{encoding, utf8}]}, {[{<<"a", 255>>, <<"b">>}], [{encoding, utf8}]}].

dissect_cases() ->
    ["foo+bar=1&city=%C3%B6rebro", "a", "a&b", "a=", "=b", "&", "a&", "a=1&&b=2", "a=b=c", "k=%E2%82%AC+x",
     "city=&#246;rebro&#8364;", "a&#38;b=c", "a=&#38;", "%zz=1", "a=%4", "a=%", "a=&#x;", "a=ö", "%20=%2B",
     "a=%ff"].

decode_cases() ->
    ["", "abc", "%41%62c", "%C3%A4", "%c3%a4", "%E4", "%zz", "%4", "a%", "%2F%25", "ä%20"].

decode_maps() ->
    [#{scheme => "http", host => "h%41", path => "/%C3%A4", query => "q=%20", fragment => "%2f", port => 80},
     #{path => <<"%C3%A4">>, userinfo => <<"u%3Ap">>}, #{path => "%zz"}, #{path => <<"%zz">>},
     #{path => "%E4"}, #{query => "%zz", path => "%zz"}].

quote_cases() ->
    ["", "abc-._~", "a b/c?d#e", "ä€", <<"ä€"/utf8>>, <<"a:b@c">>, "%41", [$a, <<"b c">>]].
