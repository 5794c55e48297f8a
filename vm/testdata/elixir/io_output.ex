# What IO.puts, IO.write and IO.inspect print, and what they return.
defmodule IoOutput do
  def start do
    IO.puts("plain")
    IO.puts(["iodata", ?\s, "list"])
    IO.puts(:atom)
    IO.puts(42)
    IO.write("no newline|")
    IO.write(~c"charlist\n")
    r1 = IO.inspect(%{a: [1, 2], b: "x"})
    r2 = IO.inspect({:tuple, 1.5}, label: "labelled")
    IO.inspect([1, 2, 3], limit: 2)
    IO.inspect("str", binary: :as_binaries)
    IO.puts(:stdio, "to stdio")
    IO.puts("unicode: héllo ✓")
    IO.puts(Integer.to_string(12345) <> " done")
    :io.format("erlang ~p ~s~n", [[1, 2], "s"])
    IO.puts(IO.iodata_to_binary(["a", [?b, "c"]]))
    {r1, r2, IO.iodata_length(["ab", ?c])}
  end
end
