%% calendar behaviours OTP 29 changed, where avm follows OTP 25: errors for
%% invalid dates and negative years (OTP 29 accepts both), and RFC 3339
%% fractions of times before 1970, which OTP 25 counts away from zero (-1 ms
%% prints as 1970-01-01T00:00:00.001Z).
-module(stdlib_calendar_otpdiff).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    [{prehistoric, calendar:system_time_to_rfc3339(-1, [{offset, "Z"}, {unit, millisecond}]),
      calendar:system_time_to_rfc3339(-1500, [{offset, "Z"}, {unit, millisecond}]),
      calendar:system_time_to_rfc3339(-1, [{offset, "Z"}]),
      calendar:rfc3339_to_system_time("1969-12-31T23:59:59.5Z", [{unit, millisecond}]),
      calendar:rfc3339_to_system_time("1969-12-31T23:59:59Z", [{unit, millisecond}])},
     {valid, calendar:valid_date(-1, 1, 1), calendar:valid_date(2024, 2, 30)},
     {rfc3339_bad_date, t(fun() -> calendar:rfc3339_to_system_time("2023-02-30T22:13:20Z") end)},
     {errors, [t(F) || F <- [fun() -> calendar:date_to_gregorian_days(2024, 2, 30) end,
                             fun() -> calendar:date_to_gregorian_days(2024, 13, 1) end,
                             fun() -> calendar:date_to_gregorian_days(-1, 1, 1) end,
                             fun() -> calendar:date_to_gregorian_days(2024, 1, 0) end,
                             fun() -> calendar:date_to_gregorian_days({2024, 1, id(1.0)}) end,
                             fun() -> calendar:gregorian_days_to_date(id(-1)) end,
                             fun() -> calendar:gregorian_seconds_to_datetime(id(-1)) end,
                             fun() -> calendar:day_of_the_week(2024, 2, 30) end,
                             fun() -> calendar:last_day_of_the_month(2024, 13) end,
                             fun() -> calendar:valid_date(2024, 2, id(29.0)) end,
                             fun() -> calendar:valid_date(id(a)) end,
                             fun() -> calendar:is_leap_year(id(a)) end,
                             fun() -> calendar:seconds_to_time(86400) end,
                             fun() -> calendar:seconds_to_time(-1) end,
                             fun() -> calendar:iso_week_number({2024, 13, 1}) end,
                             fun() -> calendar:now_to_datetime(id(a)) end]]}].
