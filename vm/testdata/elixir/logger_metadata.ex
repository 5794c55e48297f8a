# conformance: result only
# Logger metadata: Logger.metadata/0,1 keep it in the process through
# logger:get_process_metadata/0 and logger:set_process_metadata/1.
defmodule LoggerMetadata do
  require Logger

  def start do
    Logger.metadata(request_id: "abc", user: 7)
    first = Logger.metadata()
    Logger.metadata(user: nil)
    [first: Enum.sort(first), after_reset: Logger.metadata()]
  end
end
