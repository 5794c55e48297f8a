# Messages of exceptions raised by erlang BIFs: Elixir turns badarg and
# friends into ArgumentError with the BIF's own explanation (error_info).
defmodule ErlangErrors do
  def start do
    [
      to_integer: message(fn -> String.to_integer(Process.get(:x, "x1")) end),
      atom_to_binary: message(fn -> Atom.to_string(Process.get(:x, "str")) end),
      element: message(fn -> elem(Process.get(:x, {}), 1) end),
      binary_part: message(fn -> binary_part(Process.get(:x, "ab"), 1, 5) end)
    ]
  end

  defp message(fun) do
    fun.()
  rescue
    e -> {e.__struct__, Exception.message(e)}
  end
end
