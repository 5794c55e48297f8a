# :ets basics: set and ordered_set tables, named or not, counters,
# elements, iteration, access between processes.
defmodule EtsTables do
  def start do
    t = :ets.new(:plain, [:set, :public])
    true = :ets.insert(t, {:a, 1, "one"})
    true = :ets.insert(t, [{:b, 2, "two"}, {:c, 3, "three"}])
    true = :ets.insert(t, {:a, 10, "ten"})
    named = :ets.new(:ets_named, [:ordered_set, :named_table, {:keypos, 2}])
    :ets.insert(named, [{:x, 3}, {:y, 1}, {:z, 2}])

    parent = self()
    spawn(fn -> send(parent, {:other, :ets.lookup(t, :b), catch_error(fn -> :ets.insert(:ets_named, {:w, 9}) end)}) end)
    other = receive do
      {:other, lookup, insert} -> {lookup, insert}
    end

    [
      lookup: {:ets.lookup(t, :a), :ets.lookup(t, :missing)},
      element: {:ets.lookup_element(t, :b, 3), catch_error(fn -> :ets.lookup_element(t, :missing, 2) end)},
      member: {:ets.member(t, :c), :ets.member(t, :d)},
      insert_new: {:ets.insert_new(t, {:a, 0, ""}), :ets.insert_new(t, {:d, 4, "four"})},
      counter: {:ets.update_counter(t, :b, 5), :ets.update_counter(t, :b, {2, -1}), :ets.update_counter(t, :new, {2, 1}, {:new, 100, ""}),
                :ets.update_counter(t, :c, [{2, 1}, {2, 10}]), :ets.update_counter(t, :c, {2, 100, 50, 0})},
      update_element: {:ets.update_element(t, :a, {3, "updated"}), :ets.update_element(t, :nope, {3, "x"}), :ets.lookup(t, :a)},
      take: {:ets.take(t, :d), :ets.take(t, :d)},
      ordered: {:ets.tab2list(named), :ets.first(named), :ets.next(named, 1), :ets.next(named, 3)},
      sorted_set: Enum.sort(:ets.tab2list(t)),
      info: {:ets.info(t, :size), :ets.info(named, :type), :ets.info(named, :name), :ets.info(named, :keypos), :ets.info(t, :protection), :ets.info(named, :named_table)},
      other_process: other,
      delete: {:ets.delete(t, :a), :ets.delete_object(t, {:b, 999, "two"}), :ets.member(t, :b), :ets.delete_object(t, {:c, 0, "three"}), :ets.member(t, :c)},
      delete_all: {:ets.delete_all_objects(t), :ets.info(t, :size)},
      dropped: {:ets.delete(t), :ets.info(t, :size), catch_error(fn -> :ets.lookup(t, :a) end)},
      bad: {catch_error(fn -> :ets.new(:ets_named, [:named_table]) end), catch_error(fn -> :ets.insert(named, {:short}) end)}
    ]
  end

  defp catch_error(fun) do
    fun.()
  catch
    :error, reason -> {:error, reason}
  end
end
