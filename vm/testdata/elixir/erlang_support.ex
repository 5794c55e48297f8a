# The Erlang functions avm added for Elixir's library, called directly and
# compared with OTP: persistent_term, unicode_util, io_lib_format, os,
# filename, rand.
defmodule ErlangSupport do
  import Bitwise
  def start do
    :persistent_term.put({__MODULE__, :k}, %{list: [1, 2], bin: "b"})
    :persistent_term.put(:second, 2)
    got = :persistent_term.get({__MODULE__, :k})
    :persistent_term.put(:second, :replaced)
    erased = {:persistent_term.erase(:second), :persistent_term.erase(:second)}

    [
      pt_get: {got, :persistent_term.get(:second, :default), :persistent_term.get(:missing, :default)},
      pt_erase: erased,
      pt_badarg: catch_error(fn -> :persistent_term.get(:missing) end),
      pt_all: Enum.filter(:persistent_term.get(), fn {k, _} -> match?({ErlangSupport, _}, k) end),
      gc_binary: {:unicode_util.gc("abc"), :unicode_util.gc("e\u0301x"), :unicode_util.gc(""), :unicode_util.gc("\r\nx")},
      gc_list: {:unicode_util.gc(~c"abc"), :unicode_util.gc([101, 769, 120]), :unicode_util.gc([])},
      gc_deep: {:unicode_util.gc(["ab", ~c"c"]), :unicode_util.gc([[], "x"]), :unicode_util.gc([<<"a">>, <<"b">>]), :unicode_util.gc([<<"a">>, 98])},
      gc_emoji: :unicode_util.gc("👍🏽!"),
      gc_invalid: {:unicode_util.gc(<<255, 97>>), :unicode_util.gc(<<97, 255>>)},
      cp: {:unicode_util.cp("é!"), :unicode_util.cp(~c"xy"), :unicode_util.cp(<<>>)},
      fwrite_g: Enum.map([0.1, 1.0e20, -2.5e-8, 100.0, 123456.789], &:io_lib_format.fwrite_g/1),
      os_type: elem(:os.type(), 0),
      os_env: {:os.putenv(~c"AVM_ES_VAR", ~c"v"), :os.getenv(~c"AVM_ES_VAR"), :os.unsetenv(~c"AVM_ES_VAR"), :os.getenv(~c"AVM_ES_VAR"), :os.getenv(~c"AVM_ES_VAR", ~c"d")},
      filename: {:filename.join(["a", "b/", "c"]), :filename.basename(~c"x/y.erl", ~c".erl"), :filename.split("/a/b"), :filename.rootname("f.tar.gz", ".gz")},
      rand: {:rand.uniform(1), is_float(:rand.uniform()), :rand.uniform(5) in 1..5, :rand.uniform(1 <<< 80) < 1 <<< 80},
      rand_badarg: catch_error(fn -> :rand.uniform(0) end)
    ]
  end

  defp catch_error(fun) do
    fun.()
  catch
    :error, reason -> {:error, reason}
  end
end
