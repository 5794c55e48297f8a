# Enum and Stream pipelines over lists, ranges and maps.
defmodule EnumPipelines do
  def start do
    nums = Enum.to_list(1..10)

    [
      map_filter: nums |> Enum.map(&(&1 * 3)) |> Enum.filter(&(rem(&1, 2) == 0)),
      reduce: Enum.reduce(nums, 0, &+/2),
      sum_product: {Enum.sum(nums), Enum.product(1..6)},
      sort_by: Enum.sort_by(["pear", "fig", "banana"], &String.length/1),
      sort_desc: Enum.sort([3, 1, 2], :desc),
      group_by: Enum.group_by(nums, &rem(&1, 3)),
      chunk_every: Enum.chunk_every(nums, 3),
      zip: Enum.zip([:a, :b, :c], [1, 2, 3]),
      with_index: Enum.with_index([:x, :y]),
      frequencies: Enum.frequencies(~w(a b a c b a)),
      uniq: Enum.uniq([1, 2, 1, 3, 2]),
      min_max: {Enum.min(nums), Enum.max(nums), Enum.min_max([4, -1, 7])},
      find: {Enum.find(nums, &(&1 > 4)), Enum.find_index(nums, &(&1 == 7))},
      any_all: {Enum.any?(nums, &(&1 > 9)), Enum.all?(nums, &is_integer/1)},
      take_drop: {Enum.take(nums, 3), Enum.drop(nums, 8), Enum.take_while(nums, &(&1 < 4))},
      split: Enum.split_with(nums, &(rem(&1, 2) == 0)),
      flat_map: Enum.flat_map([1, 2], &[&1, &1 * 10]),
      into_map: Enum.into([a: 1, b: 2], %{}),
      map_join: Enum.map_join(1..4, "-", &Integer.to_string/1),
      join: Enum.join(["a", "b"], ", "),
      reverse: Enum.reverse(1..4),
      count: Enum.count(nums, &(&1 > 3)),
      dedup: Enum.dedup([1, 1, 2, 2, 1]),
      scan: Enum.scan(1..5, &+/2),
      slice: Enum.slice(nums, 2..4),
      map_reduce: Enum.map_reduce([1, 2, 3], 0, fn x, acc -> {x * 2, acc + x} end),
      range_step: Enum.to_list(10..1//-3),
      comprehension: for(x <- 1..4, y <- [:a, :b], rem(x, 2) == 0, do: {x, y}),
      comprehension_into: for({k, v} <- %{a: 1, b: 2}, into: %{}, do: {v, k}),
      stream: 1..1_000_000 |> Stream.map(&(&1 * 2)) |> Stream.filter(&(rem(&1, 3) == 0)) |> Enum.take(4),
      stream_unfold: Stream.unfold(1, fn n -> {n, n * 2} end) |> Enum.take(6),
      stream_cycle: Stream.cycle([1, 2]) |> Enum.take(5),
      stream_iterate: Stream.iterate(0, &(&1 + 5)) |> Stream.take_while(&(&1 < 20)) |> Enum.to_list(),
      map_enum: %{a: 1, b: 2} |> Enum.map(fn {k, v} -> {k, v + 1} end) |> Enum.sort()
    ]
  end
end
