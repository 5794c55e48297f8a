# conformance: consolidated
# Elixir's protocols consolidated, as a mix build makes them: dispatch to
# the implementations for built-in types and for the program's structs.
defmodule ProtocolsConsolidated.Temp do
  defstruct celsius: 0

  defimpl String.Chars do
    def to_string(%{celsius: c}), do: "#{c}°C"
  end

  defimpl Inspect do
    def inspect(%{celsius: c}, _opts), do: "#Temp<#{c}>"
  end
end

defmodule ProtocolsConsolidated do
  alias ProtocolsConsolidated.Temp

  def start do
    [
      consolidated: Enum.map([Enumerable, Inspect, String.Chars], &Protocol.consolidated?/1),
      to_string: {to_string(%Temp{celsius: 21}), to_string(:atom), to_string(1.5)},
      inspect: {inspect(%Temp{celsius: -3}), inspect([%Temp{}]), inspect(%{a: 1..3})},
      enum: {Enum.sum(1..10), Enum.to_list(%{b: 2}), Enum.count(MapSet.new([1, 2]))},
      into: {Enum.into([1, 2], MapSet.new()) |> MapSet.to_list(), Enum.into([a: 1], %{})},
      impl_for: {Enumerable.impl_for([]), Inspect.impl_for(%Temp{}), String.Chars.impl_for(self())},
      undefined: undefined()
    ]
  end

  defp undefined do
    Enum.count(:not_enumerable)
  rescue
    e in Protocol.UndefinedError -> {e.protocol, e.value}
  end
end
