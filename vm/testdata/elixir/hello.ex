# Hello world: the app whose archive size `avm build` keeps small
# (project/elixir_stdlib_test.go packs it).
defmodule Hello do
  def start do
    IO.puts("Hello, world!")
  end
end
