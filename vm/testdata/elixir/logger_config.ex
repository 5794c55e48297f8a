# conformance: result only
# Logger's configuration through OTP's logger API: the primary level
# (Logger.level/0), module levels (put, get, delete), the level of an
# application that is not loaded, and an Erlang handler added with
# :logger.add_handler/3 that gets the events of Logger's macros, through
# its level and a filter. What Logger's own handler prints is the host's,
# so only the results are compared.
defmodule LoggerConfig do
  require Logger

  defmodule Collector do
    # A :logger handler: sends what it gets to the process in its config.
    def log(%{level: level, msg: msg, meta: meta}, %{config: %{to: pid}}) do
      send(pid, {:event, level, text(msg), Map.get(meta, :mfa)})
    end

    defp text({:string, s}), do: IO.chardata_to_string(s)
    defp text({:report, r}), do: {:report, Enum.sort(Map.to_list(r))}
    defp text({f, a}), do: List.to_string(:io_lib.format(f, a))
  end

  def start do
    :ok = :logger.set_primary_config(:level, :info)
    :ok = :logger.add_handler(:collector, Collector, %{level: :info, config: %{to: self()}})

    Logger.info("info passes")
    Logger.debug("debug is below the primary level")
    Logger.warning("warning #{1 + 1}")
    primary = [level: Logger.level(), events: events()]

    :ok = Logger.put_module_level(__MODULE__, :debug)
    :ok = :logger.set_handler_config(:collector, :level, :all)
    Logger.debug("debug for this module")
    module = [get: Logger.get_module_level(__MODULE__), events: events()]

    :ok = Logger.put_module_level(__MODULE__, :error)
    Logger.warning("warning below the module level")
    Logger.error("error at the module level")
    raised = events()
    :ok = Logger.delete_module_level(__MODULE__)
    after_delete = Logger.get_module_level(__MODULE__)
    :ok = Logger.put_module_level([__MODULE__, String], :notice)
    both = Logger.get_module_level([__MODULE__, String])
    :ok = Logger.delete_all_module_levels()

    :ok =
      :logger.add_handler_filter(:collector, :no_secrets, {fn
         %{msg: {:string, "secret" <> _}}, _ -> :stop
         _, _ -> :ignore
       end, []})

    Logger.notice("secret stuff")
    Logger.notice("public stuff")
    filtered = events()

    :ok = :logger.remove_handler(:collector)
    Logger.error("after the handler is gone")

    [
      primary: primary,
      module: module,
      raised: raised,
      after_delete: after_delete,
      both: Enum.sort(both),
      all_levels: Logger.get_module_level(__MODULE__),
      application: Logger.put_application_level(:no_such_app, :debug),
      filtered: filtered,
      removed: events(),
      handler: :logger.get_handler_config(:collector)
    ]
  end

  defp events do
    receive do
      {:event, level, text, mfa} -> [{level, text, mfa} | events()]
    after
      0 -> []
    end
  end
end
