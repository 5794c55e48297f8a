# Regular expressions: ~r literals compiled by the host (their PCRE binary
# is recompiled from source on avm), Regex.compile at run time, and the
# String functions that take a regex.
defmodule Regexes do
  def start do
    date = ~r/(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/
    {:ok, word} = Regex.compile("\\w+", "u")

    [
      match: {Regex.match?(~r/^\d+$/, "12345"), Regex.match?(~r/^\d+$/, "12a45"), "Elixir" =~ ~r/ix/},
      run: Regex.run(~r/c(d)/, "abcd"),
      run_index: Regex.run(~r/c(d)/, "abcd", return: :index),
      run_unicode: Regex.run(~r/é(.)/u, "caféx ému"),
      named: Regex.named_captures(date, "on 2024-05-17 at noon"),
      names: Regex.names(date),
      scan: Regex.scan(~r/\d+/, "a1 b22 c333"),
      scan_groups: Regex.scan(~r/(\w)=(\d)/, "a=1, b=2"),
      replace: Regex.replace(~r/\s+/, "too   many    spaces", " "),
      replace_refs: Regex.replace(~r/(\w+)@(\w+)/, "joe@example", "\\2 at \\1"),
      replace_fun: Regex.replace(~r/\d+/, "3 apples and 12 pears", fn n -> Integer.to_string(String.to_integer(n) * 2) end),
      replace_first: Regex.replace(~r/a/, "banana", "o", global: false),
      split: Regex.split(~r/[,;]\s*/, "a, b;c ,d"),
      split_parts: Regex.split(~r/-/, "a-b-c-d", parts: 2),
      split_trim: Regex.split(~r/,/, ",a,,b,", trim: true),
      split_on: Regex.split(~r/(x)/, "axbxc", include_captures: true),
      string_split: String.split("one  two\tthree", ~r/\s+/),
      string_replace: String.replace("2024-05-17", ~r/-/, "/"),
      string_match: {String.match?("hello", ~r/l+/), String.match?("hello", ~r/z/)},
      caseless: Regex.run(~r/HELLO/i, "say hello"),
      multiline: Regex.scan(~r/^\w/m, "ab\ncd\nef"),
      dotall: Regex.run(~r/a.b/s, "a\nb"),
      extended: Regex.run(~r/ \d+ # digits
                             - \d+ /x, "tel 555-1234"),
      ungreedy: Regex.run(~r/<.+>/U, "<a><b>"),
      runtime: Regex.scan(word, "naïve café"),
      escape: Regex.run(Regex.compile!(Regex.escape("1.5+2")), "x1.5+2y"),
      source: {Regex.source(date), Regex.opts(~r/x/i)},
      inspect: inspect(~r/a+b/i),
      bad: Regex.compile("(unclosed"),
      uri: URI.parse("http://user@example.com:8080/path?q=1").port,
      version: is_tuple(Regex.version())
    ]
  end
end
