# Unicode normalization (String.normalize/2, String.equivalent?/2), which
# Elixir does through unicode:characters_to_nf*_binary/1.
defmodule Normalization do
  def start do
    [
      nfc: String.normalize("e\u0301", :nfc),
      nfd: String.normalize("é", :nfd),
      nfkc: String.normalize("ﬁ", :nfkc),
      nfkd: String.normalize("Å", :nfkd),
      equivalent: {String.equivalent?("e\u0301", "é"), String.equivalent?("a", "b")}
    ]
  end
end
