# Path (over filename and os), System environment, Date/Time/Calendar,
# Base and Enum's random functions.
defmodule PathsDates do
  def start do
    System.put_env("AVM_CONFORMANCE_VAR", "set")

    [
      path_join: {Path.join("a", "b"), Path.join(["/", "usr", "lib/"]), Path.join("a", "/b")},
      path_parts: {Path.basename("/a/b.tar.gz"), Path.basename("/a/b.ex", ".ex"), Path.dirname("/a/b/c"), Path.extname("x/y.erl"), Path.rootname("x/y.erl")},
      path_split: {Path.split("/usr/local/bin"), Path.split("rel/dir/")},
      path_type: {Path.type("/a"), Path.type("a/b")},
      env: {System.get_env("AVM_CONFORMANCE_VAR"), System.get_env("AVM_CONFORMANCE_UNSET"), System.get_env("AVM_CONFORMANCE_UNSET", "default")},
      date: {Date.add(~D[2024-02-28], 2), Date.diff(~D[2024-03-01], ~D[2023-03-01]), Date.day_of_week(~D[2024-11-25]), Date.leap_year?(~D[2000-01-01])},
      date_range: Date.range(~D[2024-01-30], ~D[2024-02-02]) |> Enum.map(&Date.to_string/1),
      time: {Time.add(~T[23:59:30], 45) |> Time.to_string(), Time.diff(~T[10:00:00], ~T[09:30:00])},
      naive: {NaiveDateTime.add(~N[2024-12-31 23:00:00], 3600) |> NaiveDateTime.to_iso8601(), NaiveDateTime.compare(~N[2024-01-01 00:00:00], ~N[2023-12-31 23:59:59])},
      datetime: {DateTime.from_unix!(1_700_000_000) |> DateTime.to_iso8601(), DateTime.from_unix!(0, :millisecond).year},
      calendar: {Calendar.ISO.days_in_month(2023, 2), Calendar.ISO.valid_date?(2023, 2, 29)},
      inspect_dates: inspect([~D[2024-01-02], ~T[03:04:05], ~N[2024-01-02 03:04:05]]),
      base: {Base.encode64("avm!"), Base.decode16!("414243"), Base.url_encode64(<<255, 254>>), Base.encode32("hi")},
      random: {Enum.random(1..10) in 1..10, length(Enum.shuffle(1..20)), Enum.take_random(1..5, 5) |> Enum.sort()}
    ]
  end
end
