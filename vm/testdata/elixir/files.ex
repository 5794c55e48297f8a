# File and Path over OTP's file, filename and filelib modules: reading and
# writing, streams, directories (mkdir_p, ls, cp_r, rm_rf), stat, links,
# wildcards, open with a function, and the errors File's bang functions
# raise. Everything happens in a scratch directory under /tmp, removed at
# the end; the working directory is not changed.
defmodule Files do
  def start do
    dir = "/tmp/avm_elixir_files.#{System.pid()}.#{System.system_time()}"
    File.rm_rf!(dir)
    File.mkdir_p!(dir)

    try do
      run(dir)
    after
      File.rm_rf!(dir)
    end
  end

  defp run(dir) do
    p = &Path.join(dir, &1)
    File.write!(p.("a.txt"), "line 1\nline 2\r\nline 3")

    [
      read: {File.read(p.("a.txt")), File.read(p.("missing")), File.read!(p.("a.txt")) |> byte_size()},
      read_error: error_message(fn -> File.read!(p.("missing")) end),
      write: {File.write(p.("b.txt"), ["io", ?d, "ata"]), File.write(p.("b.txt"), "+", [:append]),
              File.read!(p.("b.txt")), File.write(p.("no/such/file"), "x")},
      predicates: {File.exists?(p.("a.txt")), File.exists?(p.("missing")), File.dir?(dir),
                   File.dir?(p.("a.txt")), File.regular?(p.("a.txt")), File.regular?(dir)},
      stat: stat(p.("a.txt")),
      stream_lines: File.stream!(p.("a.txt")) |> Enum.to_list(),
      stream_bytes: File.stream!(p.("a.txt"), [], 5) |> Enum.take(2),
      stream_map: File.stream!(p.("a.txt")) |> Stream.map(&String.trim_trailing/1) |> Enum.join("|"),
      stream_into: stream_into(p),
      mkdir_p: {File.mkdir_p(p.("x/y/z")), File.dir?(p.("x/y/z")), File.mkdir(p.("x")),
                File.mkdir(p.("q/r"))},
      ls: ls(p),
      cp: {File.cp(p.("a.txt"), p.("x/copy.txt")), File.read!(p.("x/copy.txt")) == File.read!(p.("a.txt")),
           File.copy(p.("a.txt"), p.("x/y/partial"), 4), File.read!(p.("x/y/partial"))},
      cp_r: cp_r(p),
      wildcard: wildcard(p, dir),
      rename: {File.rename(p.("b.txt"), p.("c.txt")), File.exists?(p.("b.txt")), File.read!(p.("c.txt")),
               File.rename(p.("missing"), p.("d.txt"))},
      links: links(p),
      open: open(p),
      io_device: io_device(p),
      touch: {File.touch(p.("touched")), File.exists?(p.("touched")), File.stat!(p.("touched")).size},
      chmod: {File.chmod(p.("touched"), 0o600), File.stat!(p.("touched")).mode |> Bitwise.band(0o777)},
      rm: {File.rm(p.("touched")), File.rm(p.("touched")), File.rmdir(p.("x")), File.rmdir(p.("x/y/z"))},
      rm_rf: {File.rm_rf(p.("x")) |> then(fn {:ok, l} -> length(l) end), File.exists?(p.("x")), File.rm_rf(p.("never"))},
      cwd: {match?({:ok, "/" <> _}, File.cwd()), File.cwd!() == Path.expand(".")},
      paths: {Path.expand("a/../b", "/base"), Path.absname("rel", "/root"), Path.relative_to("/a/b/c", "/a"),
              Path.type("/x")},
      errors: {error_message(fn -> File.write!(p.("no/such/file"), "x") end),
               error_message(fn -> File.mkdir!(dir) end),
               error_message(fn -> File.rm!(p.("missing")) end),
               error_message(fn -> File.ls!(p.("missing")) end)}
    ]
  end

  defp error_message(fun) do
    try do
      fun.()
      :no_error
    rescue
      e in [File.Error, File.CopyError, File.RenameError] ->
        {e.__struct__, e.reason, Exception.message(e) |> String.replace(~r{/tmp/avm_elixir_files[^/"]*}, "DIR")}
    end
  end

  defp stat(path) do
    {:ok, s} = File.stat(path)
    {:ok, l} = File.lstat(path, time: :posix)
    {s.size, s.type, s.access, s.links, is_integer(s.inode), match?({{_, _, _}, {_, _, _}}, s.mtime),
     is_integer(l.mtime), File.stat(Path.dirname(path) <> "/missing")}
  end

  defp stream_into(p) do
    ["one", "two", "three"] |> Stream.map(&(&1 <> "\n")) |> Enum.into(File.stream!(p.("into.txt")))
    File.read!(p.("into.txt"))
  end

  defp ls(p) do
    File.write!(p.("x/f1"), "1")
    File.write!(p.("x/y/f2"), "2")
    {File.ls(p.("x")) |> sorted(), File.ls(p.("missing")), File.ls(p.("a.txt")), File.ls!(p.("x/y")) |> Enum.sort()}
  end

  defp cp_r(p) do
    {:ok, copied} = File.cp_r(p.("x"), p.("x2"))
    base = p.("")
    {Enum.map(copied, &String.replace_prefix(&1, base, "")) |> Enum.sort(), File.read!(p.("x2/y/f2")),
     File.cp_r(p.("missing"), p.("x3")) |> Tuple.delete_at(2)}
  end

  defp wildcard(p, dir) do
    File.write!(p.(".dot.txt"), "")
    rel = fn paths -> Enum.map(paths, &Path.relative_to(&1, dir)) end

    {Path.wildcard(p.("x2/**")) |> rel.(), Path.wildcard(p.("*.txt")) |> rel.(),
     Path.wildcard(p.("*.txt"), match_dot: true) |> rel.(), Path.wildcard(p.("{a,b}.txt")) |> rel.(),
     Path.wildcard(p.("**/?1")) |> rel.(), Path.wildcard(p.("nowhere/*"))}
  end

  defp links(p) do
    {File.ln_s("a.txt", p.("sym")), File.read_link(p.("sym")), File.lstat!(p.("sym")).type,
     File.stat!(p.("sym")).type, File.read!(p.("sym")) == File.read!(p.("a.txt")),
     File.ln(p.("a.txt"), p.("hard")), File.stat!(p.("a.txt")).links, File.read_link(p.("a.txt"))}
  end

  defp open(p) do
    read =
      File.open(p.("a.txt"), [:read], fn f ->
        {IO.read(f, :line), IO.binread(f, 3), IO.read(f, :eof)}
      end)

    written =
      File.open(p.("w.txt"), [:write, :utf8], fn f ->
        IO.write(f, "héllo ")
        IO.puts(f, "✓")
        :io.format(f, "~p~n", [{:term, 1}])
        :done
      end)

    {read, written, File.read!(p.("w.txt")), File.open(p.("missing"), [:read], fn _ -> :never end)}
  end

  defp io_device(p) do
    {:ok, f} = File.open(p.("dev.txt"), [:write, :read, :binary])
    IO.binwrite(f, "abc\ndef\n")
    {:ok, 0} = :file.position(f, :bof)
    first = IO.binread(f, :line)
    rest = IO.binread(f, :eof)
    :ok = File.close(f)
    {first, rest, IO.binread(f, 1)}
  end

  defp sorted({:ok, list}), do: {:ok, Enum.sort(list)}
  defp sorted(other), do: other
end
