# Prints, for each function of each exavmlib source given (AtomVM's Elixir
# library, libs/exavmlib/lib/*.ex), one line:
#
#   Module<TAB>Function/Arity<TAB>public|private<TAB>stub|erl|protocol<TAB>needs
#
# Module is the BEAM name (Elixir.GPIO). "stub" marks a function whose
# every clause only raises nif_error (the real code is a NIF); "protocol"
# a defprotocol function (dispatched to an implementation). needs is a
# space-separated list of what the function's body calls: erl:mod:f/N (an
# Erlang function), ex:Module:f/N (an Elixir function, the module's own
# included) and port:NAME (a {:spawn, "NAME"} port it opens). Calls of
# Kernel functions and macros are not listed: the compiler inlines them
# into BIFs. Default arguments give one line per arity; macros are left
# out, as no program calls them at run time. Used by gen_atomvm.py; reads
# the sources with Code.string_to_quoted, without compiling them.

defmodule ExavmlibExports do
  def main(files), do: Enum.each(files, &file/1)

  defp file(path) do
    ast = path |> File.read!() |> Code.string_to_quoted!(file: path)
    for {mod, defs} <- modules(ast, nil), d <- defs, do: IO.puts(line(mod, d, defs))
  end

  # modules(ast, parent) -> [{module, defs}], nested modules included; a def
  # is {name, arity, public?, kind, needs}.
  defp modules({:__block__, _, forms}, parent), do: Enum.flat_map(forms, &modules(&1, parent))

  defp modules({:defmodule, _, [name, [do: body]]}, parent),
    do: module(nest(parent, name), body, :module)

  defp modules({:defprotocol, _, [name, [do: body]]}, parent),
    do: module(nest(parent, name), body, :protocol)

  defp modules({:defimpl, meta, [proto, opts, block]}, parent),
    do: modules({:defimpl, meta, [proto, opts ++ block]}, parent)

  defp modules({:defimpl, _, [proto, opts]}, parent) do
    body = Keyword.fetch!(opts, :do)
    for_ = opts |> Keyword.fetch!(:for) |> alias_name(%{})
    module(nest(parent, proto) <> "." <> for_, body, :module)
  end

  defp modules(_, _), do: []

  defp nest(nil, name), do: alias_name(name, %{})
  defp nest(parent, name), do: parent <> "." <> alias_name(name, %{})

  defp module(mod, body, kind) do
    forms =
      case body do
        {:__block__, _, fs} -> fs
        f -> [f]
      end

    aliases = Enum.reduce(forms, %{}, &collect_alias/2)
    defs = for f <- forms, d = definition(f, kind, aliases, mod), d != nil, do: d
    nested = Enum.flat_map(forms, &modules(&1, mod))
    [{mod, merge(defs)} | nested]
  end

  defp collect_alias({:alias, _, [name]}, acc) do
    full = alias_name(name, acc)
    Map.put(acc, full |> String.split(".") |> List.last(), full)
  end

  defp collect_alias({:alias, _, [name, [as: {:__aliases__, _, [as]}]]}, acc),
    do: Map.put(acc, Atom.to_string(as), alias_name(name, acc))

  defp collect_alias(_, acc), do: acc

  defp alias_name({:__aliases__, _, [first | rest]}, aliases) do
    head = Map.get(aliases, Atom.to_string(first), Atom.to_string(first))
    Enum.join([head | Enum.map(rest, &Atom.to_string/1)], ".")
  end

  defp alias_name(atom, _) when is_atom(atom),
    do: atom |> Atom.to_string() |> String.trim_leading("Elixir.")

  # One def clause -> {name, arities, public?, kind, [needs]}.
  defp definition({def, _, [head | rest]}, mkind, aliases, mod) when def in [:def, :defp] do
    case head(head) do
      nil -> generated(mod, head)
      {name, args} -> definition(def, name, args, body(rest), mkind, aliases)
    end
  end

  defp definition({:defdelegate, _, [head, opts]}, _, aliases, _mod) do
    {name, args} = head(head)
    to = alias_or_atom(Keyword.fetch!(opts, :to), aliases)
    as = Keyword.get(opts, :as, name)
    need = MapSet.new(for a <- arities(args), do: call(to, as, a))
    {name, arities(args), true, "erl", [need]}
  end

  defp definition(_, _, _, _), do: nil

  defp definition(def, name, args, body, mkind, aliases) do
    kind =
      cond do
        mkind == :protocol -> "protocol"
        body != nil and stub?(body) -> "stub"
        true -> "erl"
      end

    {name, arities(args), def == :def, kind, [needs(body, aliases)]}
  end

  # A def whose name is computed (unquote in a for comprehension) cannot be
  # read without compiling: said on stderr, and left out.
  defp generated(mod, head) do
    IO.puts(:stderr, "#{mod}: left out a generated def: #{Macro.to_string(head)}")
    nil
  end

  defp head({:when, _, [call | _]}), do: head(call)
  defp head({name, _, args}) when is_atom(name) and is_list(args), do: {name, args}
  defp head({name, _, ctx}) when is_atom(name) and is_atom(ctx), do: {name, []}
  defp head(_), do: nil

  defp body([[{:do, body} | _]]), do: body
  defp body([]), do: nil

  defp arities(args) do
    defaults = Enum.count(args, &match?({:\\, _, _}, &1))
    Enum.to_list((length(args) - defaults)..length(args))
  end

  defp stub?({:throw, _, [:nif_error]}), do: true
  defp stub?({{:., _, [:erlang, :nif_error]}, _, _}), do: true
  defp stub?({:__block__, _, [only]}), do: stub?(only)
  defp stub?(_), do: false

  # Clauses of one function (and a header declaring its defaults) are
  # merged, per arity; their needs are unioned.
  defp merge(defs) do
    defs
    |> Enum.flat_map(fn {name, arities, public, kind, needs} ->
      for a <- arities, do: {name, a, public, kind, needs}
    end)
    |> Enum.group_by(fn {name, a, _, _, _} -> {name, a} end)
    |> Enum.map(fn {{name, a}, [{_, _, public, _, _} | _] = ds} ->
      kinds = ds |> Enum.map(&elem(&1, 3)) |> Enum.uniq()
      kind = if kinds == ["stub"], do: "stub", else: Enum.find(kinds, &(&1 != "stub"))
      needs = ds |> Enum.flat_map(&elem(&1, 4)) |> Enum.reduce(MapSet.new(), &MapSet.union/2)
      {name, a, public, kind, needs}
    end)
  end

  defp needs(nil, _), do: MapSet.new()

  defp needs(body, aliases) do
    {_, acc} = Macro.prewalk(body, MapSet.new(), fn node, acc -> visit(node, acc, aliases) end)
    acc
  end

  # &Mod.f/N and &f/N: a call of arity N, not of the capture's zero args.
  defp visit({:&, _, [{:/, _, [{{:., _, [m, f]}, _, []}, n]}]}, acc, aliases) when is_integer(n),
    do: {:ok, MapSet.put(acc, call(alias_or_atom(m, aliases), f, n))}

  defp visit({:&, _, [{:/, _, [{f, _, ctx}, n]}]}, acc, _aliases)
       when is_atom(f) and is_atom(ctx),
       do: {:ok, MapSet.put(acc, {:local, f, n})}

  defp visit({{:., _, [m, f]}, _, args} = node, acc, aliases) when is_atom(f) and is_list(args) do
    case alias_or_atom(m, aliases) do
      nil -> {node, acc}
      target -> {node, MapSet.put(acc, call(target, f, length(args)))}
    end
  end

  defp visit({:spawn, name} = node, acc, _) when is_binary(name),
    do: {node, MapSet.put(acc, "port:" <> name)}

  defp visit({f, _, args} = node, acc, _aliases) when is_atom(f) and is_list(args),
    do: {node, MapSet.put(acc, {:local, f, length(args)})}

  defp visit(node, acc, _), do: {node, acc}

  defp alias_or_atom({:__aliases__, _, _} = a, aliases), do: {:elixir, alias_name(a, aliases)}
  defp alias_or_atom({:__MODULE__, _, _}, _), do: :self

  defp alias_or_atom(atom, _) when is_atom(atom) do
    case Atom.to_string(atom) do
      "Elixir." <> name -> {:elixir, name}
      _ -> atom
    end
  end

  defp alias_or_atom(_, _), do: nil

  defp call({:elixir, m}, f, n), do: "ex:Elixir.#{m}:#{f}/#{n}"
  defp call(:self, f, n), do: {:self, f, n}
  defp call(m, f, n), do: "erl:#{m}:#{f}/#{n}"

  # Local calls count only when the module defines that function (else
  # they are Kernel's); __MODULE__ calls are the module's own.
  defp line(mod, {name, arity, public, kind, needs}, defs) do
    own = MapSet.new(for {n, a, _, _, _} <- defs, do: {n, a})

    resolved =
      needs
      |> Enum.flat_map(fn
        {:local, f, n} ->
          if MapSet.member?(own, {f, n}), do: ["ex:Elixir.#{mod}:#{f}/#{n}"], else: []

        {:self, f, n} ->
          ["ex:Elixir.#{mod}:#{f}/#{n}"]

        s ->
          [s]
      end)
      |> Enum.uniq()
      |> Enum.sort()

    vis = if public, do: "public", else: "private"
    Enum.join(["Elixir." <> mod, "#{name}/#{arity}", vis, kind, Enum.join(resolved, " ")], "\t")
  end
end

ExavmlibExports.main(System.argv())
