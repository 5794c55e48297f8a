# URI: parsing (URI.new over :uri_string, URI.parse), merging, printing,
# query strings and percent-encoding, with invalid input. Default ports
# are in uri_default_ports.ex.
defmodule Uris do
  def start do
    [
      new: Enum.map(new_cases(), &URI.new/1),
      new!: URI.new!("https://elixir-lang.org:4443/docs?x=1#top"),
      new_error:
        (try do
           URI.new!("http://ex ample")
         rescue
           e in URI.Error -> {e.action, e.reason, e.part}
         end),
      parse: Enum.map(parse_cases(), &URI.parse/1),
      empty_port: {URI.new("http://h:/"), URI.parse("foo://h:/")},
      to_string: Enum.map(new_cases() ++ parse_cases(), &round_trip/1),
      struct_to_string: [
        to_string(%URI{scheme: "http", host: "h", path: "/a b", query: "q=1"}),
        to_string(%URI{scheme: "foo", host: "::1", port: 9}),
        to_string(%URI{path: "rel/path", fragment: "f"})
      ],
      merge: Enum.map(merge_cases(), fn r -> to_string(URI.merge("http://a/b/c/d;p?q", r)) end),
      merge_struct: URI.merge(URI.parse("http://u@h:8/x/y"), "../z?w") |> to_string(),
      merge_error:
        (try do
           URI.merge("/relative", "x")
         rescue
           e in ArgumentError -> e.message
         end),
      encode_query: [
        URI.encode_query(%{"a b" => "c&d", "ö" => "€"}),
        URI.encode_query([{"k", 1}, {:atom, "v w"}, {"x", nil}]),
        URI.encode_query([{"a", "b c"}], :rfc3986)
      ],
      decode_query: [
        URI.decode_query("a=1&b=x+y&c=%C3%B6&d"),
        URI.decode_query("a=1&a=2", %{"z" => "0"}),
        URI.decode_query("a=b+c", %{}, :rfc3986)
      ],
      query_decoder: Enum.to_list(URI.query_decoder("x=1&y=%20&z")),
      www_form: {URI.encode_www_form("a b/ö&="), URI.decode_www_form("a+b%2F%C3%B6")},
      encode: {URI.encode("a b/ö?#[]"), URI.encode("a b", &URI.char_unreserved?/1), URI.decode("%41%20b%C3%B6")},
      decode_error:
        (try do
           URI.decode("%zz")
         rescue
           e in ArgumentError -> e.message
         end),
      chars: {URI.char_reserved?(?:), URI.char_unreserved?(?~), URI.char_unescaped?(?%)},
      erlang: [
        :uri_string.parse("foo://user@[::1]:8080/p?q#f"),
        :uri_string.recompose(%{scheme: "http", host: "ä.com", path: "/a b"}),
        :uri_string.resolve("../g", "http://a/b/c/d;p?q"),
        :uri_string.normalize("HTTP://EXAMPLE.com:80/%7euser/./a/../b"),
        :uri_string.compose_query([{"a b", "ö"}, {"k", true}]),
        :uri_string.dissect_query("a=1&b&c=%E2%82%AC+x")
      ]
    ]
  end

  defp new_cases do
    [
      "https://user:pw@elixir-lang.org:8443/a/b?x=1&y=2#frag",
      "http://[::1]:4000/",
      "mailto:someone@example.com",
      "/relative/path?q",
      "//host.only",
      "",
      "http://ex ample.com",
      "http://h:99x/",
      "urn:isbn:0451450523",
      "file:///etc/hosts"
    ]
  end

  defp parse_cases do
    [
      "http://elixir-lang.org:8080/",
      "https://[2001:db8::1]:8080/path?q=1#f",
      "gopher://u@gopher.example.org",
      "example.com:8080",
      "/just/a/path",
      "?only=query",
      "HTTP://Case.Example:81/"
    ]
  end

  defp merge_cases do
    ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "../g", "../../g", "../../../g", "g;x?y#s", "", "http:g"]
  end

  defp round_trip(s) do
    case URI.new(s) do
      {:ok, uri} -> to_string(uri)
      error -> error
    end
  end
end
