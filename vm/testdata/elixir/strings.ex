# String functions, including the Unicode-aware ones, and interpolation.
defmodule Strings do
  def start do
    s = "Hello, Wörld"

    [
      upcase: String.upcase(s),
      downcase: String.downcase("ÀÉÎ ÕÜ Straße"),
      capitalize: String.capitalize("élan vital"),
      length: {String.length("héllo"), byte_size("héllo")},
      graphemes: String.graphemes("añb"),
      codepoints: String.codepoints("e\u0301x"),
      grapheme_len: String.length("e\u0301x"),
      reverse: String.reverse("añb"),
      split: {String.split("a,b,,c", ","), String.split(" a  b ")},
      split_parts: String.split("a-b-c", "-", parts: 2),
      trim: {String.trim("  x y \n"), String.trim_leading("--x", "-"), String.trim_trailing("x!!", "!")},
      pad: {String.pad_leading("7", 3, "0"), String.pad_trailing("ab", 4, ".")},
      replace: String.replace("a.b.c", ".", "/"),
      replace_first: String.replace("aaa", "a", "b", global: false),
      slice: {String.slice("héllo", 1, 3), String.slice("héllo", 1..-2//1)},
      at: {String.at("héllo", 1), String.at("abc", 5)},
      contains: {String.contains?("elixir", "xi"), String.starts_with?("elixir", "el"), String.ends_with?("elixir", ["a", "ir"])},
      duplicate: String.duplicate("ab", 3),
      to_integer: {String.to_integer("42"), String.to_integer("ff", 16), String.to_float("2.5")},
      integer_parse: {Integer.parse("12abc"), Float.parse("1.5e3x")},
      to_atom: String.to_atom("hello"),
      interpolation: "n=#{42} f=#{1.5} a=#{:ok} s=#{"str"} l=#{[104, 105]}",
      chars: to_string(123),
      inspect: inspect("quote\"d"),
      valid: {String.valid?("ok"), String.valid?(<<255>>)},
      printable: String.printable?("abc\u0000"),
      next_grapheme: String.next_grapheme("åb"),
      bytes: :binary.bin_to_list("é"),
      charlist: {String.to_charlist("hé"), List.to_string([104, 233])},
      sigils: {~s(a "b"), ~w(x y z)a, ~c(ab)},
      jaro: Float.round(String.jaro_distance("martha", "marhta"), 4),
      myers: String.myers_difference("abc", "adc"),
      upcase_greek: String.upcase("αβγ ǆ"),
      upcase_mode: String.upcase("ﬁx straße", :greek)
    ]
  end
end
