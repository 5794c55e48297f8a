# Seeded randomness: Enum.random/1, Enum.shuffle/1, Enum.take_random/2 and
# :rand reproduce Elixir on OTP 25 exactly once :rand is seeded.
defmodule Randomness do
  def start do
    :rand.seed(:exsss, {1, 2, 3})

    [
      random_list: Enum.map(1..5, fn _ -> Enum.random([:a, :b, :c, :d]) end),
      random_range: Enum.map(1..5, fn _ -> Enum.random(1..1_000_000) end),
      random_negative_range: Enum.random(-10..-1),
      random_map: Enum.random(%{x: 1, y: 2, z: 3}),
      shuffle: Enum.shuffle(1..10),
      take_random: Enum.take_random(1..100, 5),
      take_random_one: Enum.take_random([:p, :q, :r], 1),
      take_random_all: Enum.take_random(1..4, 10),
      uniform: {:rand.uniform(), :rand.uniform(6), :rand.uniform(Bitwise.bsl(1, 70))},
      normal: :rand.normal(),
      bytes: :rand.bytes(6),
      export: :rand.export_seed(),
      exrop: exrop(),
      unseeded: unseeded()
    ]
  end

  defp exrop do
    state = :rand.seed_s(:exrop, 42)
    {values, state} = Enum.map_reduce(1..3, state, fn _, s -> :rand.uniform_s(100, s) end)
    {values, :rand.export_seed_s(state)}
  end

  # A process that never seeded: the first Enum.random seeds it.
  defp unseeded do
    parent = self()

    pid =
      spawn(fn ->
        x = Enum.random(1..6)
        {alg, _} = :rand.export_seed()
        send(parent, {self(), x in 1..6, alg})
      end)

    receive do
      {^pid, in_range, alg} -> {in_range, alg}
    end
  end
end
