# conformance: result only
# GenServer under a Supervisor, restarted after a crash; Agent; Task;
# Process and Registry-free naming.
defmodule Processes.Counter do
  use GenServer

  def start_link(initial), do: GenServer.start_link(__MODULE__, initial, name: __MODULE__)
  def inc(by \\ 1), do: GenServer.cast(__MODULE__, {:inc, by})
  def get, do: GenServer.call(__MODULE__, :get)
  def crash, do: GenServer.cast(__MODULE__, :crash)

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_call(:get, _from, n), do: {:reply, n, n}

  @impl true
  def handle_cast({:inc, by}, n), do: {:noreply, n + by}
  def handle_cast(:crash, _n), do: exit(:deliberate)

  @impl true
  def handle_info(:ping, n), do: {:noreply, n + 100}
end

defmodule Processes do
  alias Processes.Counter

  def start do
    Process.flag(:trap_exit, true)
    {:ok, sup} = Supervisor.start_link([{Counter, 10}], strategy: :one_for_one, max_restarts: 5)
    Counter.inc()
    Counter.inc(5)
    send(Counter, :ping)
    before = Counter.get()
    pid1 = Process.whereis(Counter)
    ref = Process.monitor(pid1)
    Counter.crash()
    down = receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    after
      1000 -> :timeout
    end
    after_restart = wait_restarted(pid1)
    children = Supervisor.count_children(sup)
    which = for {id, _pid, type, mods} <- Supervisor.which_children(sup), do: {id, type, mods}

    {:ok, agent} = Agent.start_link(fn -> %{} end)
    Agent.update(agent, &Map.put(&1, :k, :v))
    agent_value = Agent.get(agent, & &1)
    agent_gau = Agent.get_and_update(agent, fn s -> {map_size(s), Map.put(s, :k2, 2)} end)
    Agent.stop(agent)

    task = Task.async(fn -> Enum.sum(1..100) end)
    task_result = Task.await(task)
    many = 1..5 |> Enum.map(fn i -> Task.async(fn -> i * i end) end) |> Task.await_many()
    stream = Task.async_stream([1, 2, 3], &(&1 + 1)) |> Enum.map(fn {:ok, v} -> v end)
    {:ok, tsup} = Task.Supervisor.start_link()
    supervised = Task.Supervisor.async(tsup, fn -> :supervised end) |> Task.await()
    yield = Task.async(fn -> Process.sleep(50); :late end) |> Task.yield(1)

    me = self()
    spawned = spawn(fn -> send(me, {:hi, Process.info(self(), :message_queue_len)}) end)
    hi = receive do
      {:hi, info} -> info
    end
    Process.put(:key, :value)
    timer = Process.send_after(self(), :tick, 10)
    tick = receive do
      :tick -> :ticked
    end

    Supervisor.stop(sup)

    [
      before: before,
      down: down,
      after_restart: after_restart,
      children: children,
      which: which,
      agent: {agent_value, agent_gau},
      task: {task_result, many, stream, supervised, yield},
      spawn: {is_pid(spawned), hi},
      dict: Process.get(:key),
      timer: {is_reference(timer), tick},
      alive: Process.alive?(sup)
    ]
  end

  defp wait_restarted(old) do
    case Process.whereis(Counter) do
      pid when is_pid(pid) and pid != old -> Counter.get()
      _ -> Process.sleep(5); wait_restarted(old)
    end
  end
end
