# Messages of exceptions raised by erlang BIFs: Elixir turns badarg and
# friends into ArgumentError with the BIF's own explanation (error_info).
defmodule ErlangErrors do
  def start do
    [
      to_integer: message(fn -> String.to_integer(Process.get(:x, "x1")) end),
      atom_to_binary: message(fn -> Atom.to_string(Process.get(:x, "str")) end),
      element: message(fn -> elem(Process.get(:x, {}), 1) end),
      binary_part: message(fn -> binary_part(Process.get(:x, "ab"), 1, 5) end),
      existing_atom: message(fn -> String.to_existing_atom(Process.get(:x, "no_such_atom_here")) end),
      hd: message(fn -> hd(Process.get(:x, [])) end),
      base: message(fn -> String.to_integer("12", Process.get(:x, 99)) end),
      send: message(fn -> send(Process.get(:x, 1), :hello) end),
      list_to_atom: message(fn -> List.to_atom(Process.get(:x, [:a])) end),
      apply: message(fn -> apply(Process.get(:x, "m"), :f, []) end),
      tuple_size: message(fn -> tuple_size(Process.get(:x, [])) end),
      persistent_term: message(fn -> :persistent_term.get(Process.get(:x, {__MODULE__, :none})) end),
      arith: message(fn -> Process.get(:x, :a) * 2 end),
      system_limit: message(fn -> String.to_atom(String.duplicate("a", Process.get(:x, 300))) end),
      key: message(fn -> Map.fetch!(Process.get(:x, %{}), :k) end)
    ]
  end

  defp message(fun) do
    fun.()
  rescue
    e -> {e.__struct__, Exception.message(e)}
  end
end
