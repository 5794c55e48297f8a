# Map, Keyword, List, Tuple and MapSet.
defmodule Collections do
  def start do
    m = %{a: 1, b: 2}
    kw = [name: "x", size: 3, name: "y"]

    [
      map_put: Map.put(m, :c, 3),
      map_update: Map.update(m, :a, 0, &(&1 + 10)),
      map_update_missing: Map.update(m, :z, 0, &(&1 + 10)),
      map_get: {Map.get(m, :a), Map.get(m, :z, :none), Map.fetch(m, :b), Map.fetch(m, :q)},
      map_pop: Map.pop(m, :a),
      map_merge: Map.merge(m, %{b: 20, c: 30}, fn _k, v1, v2 -> v1 + v2 end),
      map_take_drop: {Map.take(m, [:a]), Map.drop(m, [:a])},
      map_keys_values: {Map.keys(m), Map.values(m)},
      map_new: Map.new([{1, 2}, {3, 4}], fn {k, v} -> {v, k} end),
      map_filter: Map.filter(%{a: 1, b: 2, c: 3}, fn {_k, v} -> v > 1 end),
      map_update_syntax: %{m | a: 100},
      map_from_struct: Map.from_struct(%URI{host: "h"}) |> Map.get(:host),
      get_in: get_in(%{a: %{b: %{c: 1}}}, [:a, :b, :c]),
      put_in: put_in(%{a: %{b: 1}}, [:a, :b], 2),
      update_in: update_in(%{a: [1, 2]}, [:a], &[0 | &1]),
      kw_get: {Keyword.get(kw, :name), Keyword.get_values(kw, :name)},
      kw_put: Keyword.put(kw, :name, "z"),
      kw_merge: Keyword.merge([a: 1, b: 2], b: 3),
      kw_delete: Keyword.delete(kw, :name),
      kw_keys: Keyword.keys(kw),
      kw_validate: Keyword.validate([a: 1], [:a, b: 2]),
      list_ops: {List.first([1, 2]), List.last([1, 2]), List.flatten([1, [2, [3]]]), List.wrap(nil)},
      list_delete: {List.delete([1, 2, 1], 1), List.insert_at([1, 2], 1, :x), List.replace_at([1, 2], 0, :y)},
      list_keyfind: {List.keyfind([a: 1, b: 2], :b, 0), List.keydelete([a: 1, b: 2], :a, 0)},
      list_zip: List.zip([[1, 2], [:a, :b]]),
      list_fold: List.foldl([1, 2, 3], [], &[&1 | &2]),
      tuple: {Tuple.append({1}, 2), Tuple.to_list({:a, :b}), elem({1, 2}, 1), put_elem({1, 2}, 0, :z)},
      tuple_dup: Tuple.duplicate(0, 3),
      mapset: MapSet.new([3, 1, 3]) |> MapSet.put(2) |> MapSet.to_list(),
      mapset_ops: {MapSet.union(MapSet.new([1]), MapSet.new([2])) |> MapSet.size(), MapSet.member?(MapSet.new([1]), 1)},
      integer: {Integer.to_string(255, 16), Integer.digits(1234), Integer.pow(2, 70), Integer.gcd(12, 18)},
      float: {Float.round(3.14159, 2), Float.ceil(1.2), Float.to_string(0.1)},
      range: {Enum.member?(1..10, 5), Range.size(1..10//2)},
      access: {m[:a], kw[:size], m[:none]}
    ]
  end
end
