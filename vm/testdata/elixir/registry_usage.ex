# Elixir's Registry on the real standard library: unique and duplicate
# keys, register/lookup/unregister, dispatch, via-tuple GenServer names,
# match, select, counts, metadata and the cleanup when a process exits;
# PartitionSupervisor, which also keeps its partitions in ets.
defmodule RegistryUsage.Worker do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: {:via, Registry, {RegistryUsage.Names, name, :meta}})
  def init(name), do: {:ok, name}
  def handle_call(:name, _from, name), do: {:reply, name, name}
end

defmodule RegistryUsage do
  def start do
    {:ok, _} = Registry.start_link(keys: :unique, name: RegistryUsage.Names)
    {:ok, _} = Registry.start_link(keys: :duplicate, name: RegistryUsage.Topics, partitions: 2)
    me = self()

    unique = [
      register: match?({:ok, owner} when is_pid(owner), Registry.register(RegistryUsage.Names, "alpha", 1)),
      again: Registry.register(RegistryUsage.Names, "alpha", 2) == {:error, {:already_registered, me}},
      lookup: Registry.lookup(RegistryUsage.Names, "alpha") == [{me, 1}],
      missing: Registry.lookup(RegistryUsage.Names, "nope"),
      keys: Registry.keys(RegistryUsage.Names, me),
      update: Registry.update_value(RegistryUsage.Names, "alpha", &(&1 + 10)),
      after_update: Registry.lookup(RegistryUsage.Names, "alpha") == [{me, 11}],
      match: Registry.match(RegistryUsage.Names, "alpha", 11) == [{me, 11}],
      match_guard: Registry.match(RegistryUsage.Names, "alpha", :"$1", [{:>, :"$1", 100}]),
      count: Registry.count(RegistryUsage.Names),
      unregister: Registry.unregister(RegistryUsage.Names, "alpha"),
      gone: Registry.lookup(RegistryUsage.Names, "alpha")
    ]

    {:ok, worker} = RegistryUsage.Worker.start_link("w1")
    via = [
      call: GenServer.call({:via, Registry, {RegistryUsage.Names, "w1"}}, :name),
      whereis: GenServer.whereis({:via, Registry, {RegistryUsage.Names, "w1"}}) == worker,
      value: Registry.lookup(RegistryUsage.Names, "w1") == [{worker, :meta}],
      taken: match?({:error, {:already_started, ^worker}}, RegistryUsage.Worker.start_link("w1")),
      select: Registry.select(RegistryUsage.Names, [{{:"$1", :_, :"$3"}, [], [{{:"$1", :"$3"}}]}]),
      count_match: Registry.count_match(RegistryUsage.Names, "w1", :meta)
    ]

    subscribers =
      for i <- 1..3 do
        spawn(fn ->
          {:ok, _} = Registry.register(RegistryUsage.Topics, "news", i)
          {:ok, _} = Registry.register(RegistryUsage.Topics, "news", i * 100)
          send(me, :registered)
          receive do
            {:news, text} -> send(me, {:got, i, text})
          end
          receive do
            :stop -> :ok
          end
        end)
      end

    for _ <- subscribers, do: receive(do: (:registered -> :ok))

    Registry.dispatch(RegistryUsage.Topics, "news", fn entries ->
      for {pid, value} <- entries, value < 100, do: send(pid, {:news, "hello"})
    end)

    got = for _ <- subscribers, do: receive(do: ({:got, i, text} -> {i, text}))

    duplicate = [
      got: Enum.sort(got),
      values: Registry.lookup(RegistryUsage.Topics, "news") |> Enum.map(&elem(&1, 1)) |> Enum.sort(),
      count: Registry.count(RegistryUsage.Topics),
      match: Registry.match(RegistryUsage.Topics, "news", :"$1", [{:>=, :"$1", 200}]) |> Enum.map(&elem(&1, 1)) |> Enum.sort(),
      select: Registry.select(RegistryUsage.Topics, [{{:_, :_, :"$1"}, [{:<, :"$1", 3}], [:"$1"]}]) |> Enum.sort(),
      unregister_match: Registry.unregister_match(RegistryUsage.Topics, "news", 1)
    ]

    [first | _] = subscribers
    ref = Process.monitor(first)
    send(first, :stop)
    receive(do: ({:DOWN, ^ref, _, _, _} -> :ok))
    cleaned = wait_until(fn -> length(Registry.lookup(RegistryUsage.Topics, "news")) == 4 end)

    wref = Process.monitor(worker)
    GenServer.stop(worker)
    receive(do: ({:DOWN, ^wref, _, _, _} -> :ok))
    worker_gone = wait_until(fn -> Registry.lookup(RegistryUsage.Names, "w1") == [] end)

    exits = [
      after_exit: Registry.lookup(RegistryUsage.Topics, "news") |> Enum.map(&elem(&1, 1)) |> Enum.sort(),
      cleaned: cleaned,
      worker_gone: worker_gone,
      whereis: GenServer.whereis({:via, Registry, {RegistryUsage.Names, "w1"}}),
      meta: {Registry.put_meta(RegistryUsage.Names, :color, :blue), Registry.meta(RegistryUsage.Names, :color), Registry.meta(RegistryUsage.Names, :size)}
    ]

    {:ok, _} = PartitionSupervisor.start_link(child_spec: {Agent, fn -> 0 end}, name: RegistryUsage.Counters, partitions: 2)
    for key <- 1..6, do: Agent.update({:via, PartitionSupervisor, {RegistryUsage.Counters, key}}, &(&1 + key))

    partitioned = [
      partitions: PartitionSupervisor.partitions(RegistryUsage.Counters),
      sums: for(p <- 0..1, do: Agent.get({:via, PartitionSupervisor, {RegistryUsage.Counters, p}}, & &1)),
      children: length(PartitionSupervisor.which_children(RegistryUsage.Counters)),
      count: PartitionSupervisor.count_children(RegistryUsage.Counters)
    ]

    for pid <- subscribers, do: send(pid, :stop)
    [unique: unique, via: via, duplicate: duplicate, exits: exits, partitioned: partitioned]
  end

  # Registry's cleanup runs in its partition processes once they see the
  # exit: poll briefly rather than race them.
  defp wait_until(fun, tries \\ 100) do
    cond do
      fun.() -> true
      tries == 0 -> false
      true ->
        Process.sleep(5)
        wait_until(fun, tries - 1)
    end
  end
end
