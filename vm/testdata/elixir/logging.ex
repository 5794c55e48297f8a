# conformance: result only
# Logger macros go through the :logger API (allow/2, macro_log/4): levels,
# the primary level filter, lazy messages. What Logger prints is formatted
# by the host's handler, so only the results are compared.
defmodule Logging do
  require Logger

  def start do
    :ok = :logger.set_primary_config(:level, :info)
    r1 = Logger.info("info message")
    r2 = Logger.debug("filtered out")
    r3 = Logger.warning("warning #{1 + 1}")
    r4 = Logger.error(fn -> "lazy error" end)
    r5 = Logger.log(:notice, "notice", user: :meta)

    [
      results: {r1, r2, r3, r4, r5},
      level: Logger.level(),
      compare: {Logger.compare_levels(:debug, :info), Logger.compare_levels(:error, :warning), Logger.compare_levels(:info, :info)}
    ]
  end
end
