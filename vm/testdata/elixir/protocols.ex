# Structs, user protocols, and Elixir's protocols (Inspect, Enumerable,
# String.Chars, Collectable) implemented for a user struct.
defprotocol Protocols.Shape do
  @doc "The area of a shape."
  def area(shape)
end

defmodule Protocols.Circle do
  defstruct r: 1
end

defmodule Protocols.Rect do
  @enforce_keys [:w]
  defstruct [:w, h: 2]
end

defimpl Protocols.Shape, for: Protocols.Circle do
  def area(%{r: r}), do: r * r * 3
end

defimpl Protocols.Shape, for: Protocols.Rect do
  def area(%{w: w, h: h}), do: w * h
end

defimpl Protocols.Shape, for: Integer do
  def area(n), do: n
end

defmodule Protocols.Bag do
  defstruct items: []

  defimpl Enumerable do
    def count(%{items: items}), do: {:ok, length(items)}
    def member?(%{items: items}, x), do: {:ok, x in items}
    def slice(_), do: {:error, __MODULE__}
    def reduce(%{items: items}, acc, fun), do: Enumerable.List.reduce(items, acc, fun)
  end

  defimpl Collectable do
    def into(bag) do
      {bag, fn
         b, {:cont, x} -> %{b | items: [x | b.items]}
         b, :done -> b
         _, :halt -> :ok
       end}
    end
  end

  defimpl Inspect do
    import Inspect.Algebra
    def inspect(%{items: items}, opts), do: concat(["#Bag<", to_doc(items, opts), ">"])
  end

  defimpl String.Chars do
    def to_string(%{items: items}), do: "bag of #{length(items)}"
  end
end

defmodule Protocols do
  alias Protocols.{Circle, Rect, Bag, Shape}

  def start do
    bag = %Bag{items: [3, 1, 2]}

    [
      struct: %Circle{},
      struct_update: %Circle{%Circle{} | r: 5},
      struct_fields: Map.keys(%Rect{w: 1}) |> Enum.sort(),
      is_struct: {is_struct(%Circle{}), is_struct(%Circle{}, Rect), is_map(%Circle{})},
      areas: Enum.map([%Circle{r: 2}, %Rect{w: 3}, 7], &Shape.area/1),
      not_impl: try_area(:atom),
      enforce: enforce_error(),
      enum_count: Enum.count(bag),
      enum_sort: Enum.sort(bag),
      enum_member: Enum.member?(bag, 2),
      enum_map: Enum.map(bag, &(&1 * 2)),
      into: Enum.into([7, 8], %Bag{}),
      inspect_custom: inspect(bag),
      inspect_struct: inspect(%Rect{w: 4}),
      inspect_nested: inspect(%{list: [bag], tuple: {1, "two", :three}}),
      inspect_opts: inspect(Enum.to_list(1..30), limit: 5),
      inspect_charlist: {inspect(~c"abc"), inspect([1, 2, 3], charlists: :as_lists)},
      inspect_binary: {inspect(<<1, 2, 255>>), inspect("ünï"), inspect(<<1::3>>)},
      inspect_atoms: inspect([:ok, :"with space", nil, true, Foo.Bar]),
      inspect_pretty: inspect(%{a: [1, 2, 3], b: %{c: "d"}}, pretty: true, width: 10),
      to_string: to_string(bag),
      impl_for: {Shape.impl_for(%Circle{}), Shape.impl_for(:x)},
      consolidated: Protocol.consolidated?(Shape)
    ]
  end

  defp try_area(x) do
    Shape.area(x)
  rescue
    e in Protocol.UndefinedError -> {:undefined, Exception.message(e)}
  end

  defp enforce_error do
    struct!(Protocols.Rect, h: 1)
  rescue
    e in ArgumentError -> {:argument_error, Exception.message(e)}
  end
end
