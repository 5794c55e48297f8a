# Raising and rescuing Elixir exceptions, and their messages.
defmodule Exceptions.MyError do
  defexception [:code, message: "my default"]

  @impl true
  def message(%{code: code, message: msg}) when is_integer(code), do: "#{msg} (code #{code})"
  def message(%{message: msg}), do: msg
end

defmodule Exceptions do
  def start do
    [
      argument: catch_message(fn -> raise ArgumentError, "bad arg" end),
      runtime: catch_message(fn -> raise "plain message" end),
      custom: catch_message(fn -> raise Exceptions.MyError, code: 7 end),
      custom_default: catch_message(fn -> raise Exceptions.MyError end),
      key_error: catch_message(fn -> Map.fetch!(%{a: 1}, :b) end),
      match_error: catch_message(fn -> {:ok, _} = Process.get(:nothing, :error) end),
      arithmetic: catch_message(fn -> 1 / zero() end),
      function_clause: catch_message(fn -> clause(:nope) end),
      case_clause: catch_message(fn -> case zero() do 1 -> :one end end),
      undefined_function: catch_message(fn -> apply(NoSuchModule, :f, [1]) end),
      bad_function: catch_message(fn -> apply(zero(), []) end),
      protocol: catch_message(fn -> Enum.map(:not_enum, & &1) end),
      normalized: normalize(),
      reraise: reraise_test(),
      throw: try(do: throw(:thrown), catch: (x -> {:caught, x})),
      exit: try(do: exit(:bye), catch: (:exit, r -> {:exit, r})),
      after: after_test(),
      else: try(do: 1, rescue: (_ -> :err), else: (x -> {:else, x})),
      error_struct: try(do: raise(ArgumentError), rescue: (e -> e)),
      blame: Exception.format_banner(:error, %RuntimeError{message: "x"}),
      format_exit: Exception.format_exit(:normal),
      bang: catch_message(fn -> Keyword.fetch!([], :k) end)
    ]
  end

  defp zero, do: 0

  defp clause(x) when is_integer(x), do: x

  defp catch_message(fun) do
    fun.()
  rescue
    e -> {e.__struct__, Exception.message(e)}
  end

  defp normalize do
    :erlang.error(:badarith)
  rescue
    e -> e
  end

  defp reraise_test do
    try do
      try do
        raise "inner"
      rescue
        e -> reraise e, __STACKTRACE__
      end
    rescue
      e in RuntimeError -> {:reraised, e.message}
    end
  end

  defp after_test do
    Process.put(:after, :no)

    try do
      try do
        raise "x"
      after
        Process.put(:after, :yes)
      end
    rescue
      _ -> Process.get(:after)
    end
  end
end
