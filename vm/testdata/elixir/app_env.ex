# The application environment (Application.get_env/put_env and friends,
# over the application module) and a few Process and System functions.
defmodule AppEnv do
  def start do
    before = {Application.get_env(:avm_conf, :key), Application.get_env(:avm_conf, :key, :default), Application.fetch_env(:avm_conf, :key)}
    Application.put_env(:avm_conf, :key, %{nested: [1, 2]})
    Application.put_env(:avm_conf, :other, "x", persistent: true)
    during = {Application.get_env(:avm_conf, :key), Application.fetch_env!(:avm_conf, :key), Enum.sort(Application.get_all_env(:avm_conf))}
    Application.delete_env(:avm_conf, :key)
    missing =
      try do
        Application.fetch_env!(:avm_conf, :key)
      rescue
        e in ArgumentError -> e.message
      end

    [
      before: before,
      during: during,
      after: {Application.get_env(:avm_conf, :key), Application.get_all_env(:avm_conf)},
      missing: missing,
      register: (Process.register(self(), :app_env_main); Process.whereis(:app_env_main) == self()),
      cancel_timer: is_integer(Process.cancel_timer(Process.send_after(self(), :x, 1000))),
      time: {System.system_time(:second) > 1_600_000_000, is_integer(System.monotonic_time(:millisecond))}
    ]
  end
end
