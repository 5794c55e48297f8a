%% calendar: OTP's calendar module. Dates are proleptic Gregorian, day 0 is
%% {0, 1, 1}; weekdays run from 1 (Monday) to 7. Conversions between
%% universal and local time are Go natives (vm/natives_calendar.go), which
%% read the host's time zone: universal_time_to_local_time/1,
%% local_time_to_universal_time/1 and local_time_to_universal_time_dst/1.
-module(calendar).

-export([date_to_gregorian_days/1, date_to_gregorian_days/3, datetime_to_gregorian_seconds/1,
         day_of_the_week/1, day_of_the_week/3, gregorian_days_to_date/1,
         gregorian_seconds_to_datetime/1, is_leap_year/1, iso_week_number/0,
         iso_week_number/1, last_day_of_the_month/2, local_time/0, now_to_datetime/1,
         now_to_local_time/1, now_to_universal_time/1, rfc3339_to_system_time/1,
         rfc3339_to_system_time/2, seconds_to_daystime/1, seconds_to_time/1,
         system_time_to_local_time/2, system_time_to_rfc3339/1, system_time_to_rfc3339/2,
         system_time_to_universal_time/2, time_difference/2, time_to_seconds/1,
         universal_time/0, valid_date/1, valid_date/3]).

-define(SECONDS_PER_DAY, 86400).
%% Seconds from {{0,1,1},{0,0,0}} to the Unix epoch.
-define(EPOCH_SECONDS, 62167219200).

%%% Days and dates

date_to_gregorian_days({Y, M, D}) -> date_to_gregorian_days(Y, M, D).

date_to_gregorian_days(Y, M, D) when is_integer(D), D > 0 ->
    Last = last_day_of_the_month(Y, M),
    if
        D =< Last -> days_before_year(Y) + days_before_month(Y, M) + D - 1
    end.

%% Days from {0,1,1} to January 1 of year Y; year 0 is a leap year.
days_before_year(0) -> 0;
days_before_year(Y) ->
    P = Y - 1,
    Y * 365 + P div 4 - P div 100 + P div 400 + 1.

days_before_month(Y, M) ->
    lists:sum([last_day_of_the_month(Y, Mo) || Mo <- lists:seq(1, M - 1)]).

gregorian_days_to_date(Days) when is_integer(Days), Days >= 0 ->
    Y = year_of(Days),
    DayOfYear = Days - days_before_year(Y),
    {M, D} = month_day(Y, 1, DayOfYear),
    {Y, M, D}.

%% year_of(Days): the year day number Days falls in (an estimate, corrected).
year_of(Days) ->
    Y0 = Days div 366,
    year_from(Y0, Days).

year_from(Y, Days) ->
    case days_before_year(Y + 1) =< Days of
        true -> year_from(Y + 1, Days);
        false -> Y
    end.

month_day(Y, M, D) ->
    Last = last_day_of_the_month(Y, M),
    if
        D < Last -> {M, D + 1};
        true -> month_day(Y, M + 1, D - Last)
    end.

datetime_to_gregorian_seconds({Date, Time}) ->
    date_to_gregorian_days(Date) * ?SECONDS_PER_DAY + time_to_seconds(Time).

gregorian_seconds_to_datetime(Secs) when is_integer(Secs), Secs >= 0 ->
    Days = Secs div ?SECONDS_PER_DAY,
    {gregorian_days_to_date(Days), seconds_to_time(Secs rem ?SECONDS_PER_DAY)}.

day_of_the_week({Y, M, D}) -> day_of_the_week(Y, M, D).

day_of_the_week(Y, M, D) -> (date_to_gregorian_days(Y, M, D) + 5) rem 7 + 1.

is_leap_year(Y) when is_integer(Y), Y >= 0 ->
    (Y rem 4 =:= 0 andalso Y rem 100 =/= 0) orelse Y rem 400 =:= 0.

last_day_of_the_month(Y, M) when is_integer(Y), Y >= 0 -> last_day(Y, M).

last_day(Y, 2) ->
    case is_leap_year(Y) of
        true -> 29;
        false -> 28
    end;
last_day(_, M) when M =:= 4; M =:= 6; M =:= 9; M =:= 11 -> 30;
last_day(_, M) when is_integer(M), M > 0, M =< 12 -> 31.

valid_date({Y, M, D}) -> valid_date(Y, M, D).

valid_date(Y, M, D) when is_integer(Y), is_integer(M), is_integer(D) ->
    Y >= 0 andalso M > 0 andalso M =< 12 andalso D > 0 andalso D =< last_day(Y, M).

iso_week_number() ->
    {Date, _} = local_time(),
    iso_week_number(Date).

%% The ISO week is the one of its Thursday; the week's year is that
%% Thursday's year.
iso_week_number({Y, M, D}) ->
    Days = date_to_gregorian_days(Y, M, D),
    Thursday = Days - day_of_the_week(Y, M, D) + 4,
    {TY, _, _} = gregorian_days_to_date(Thursday),
    {TY, (Thursday - date_to_gregorian_days(TY, 1, 1)) div 7 + 1}.

%%% Times of day

seconds_to_time(Secs) when is_integer(Secs), Secs >= 0, Secs < ?SECONDS_PER_DAY ->
    {Secs div 3600, Secs rem 3600 div 60, Secs rem 60}.

time_to_seconds({H, M, S}) when is_integer(H), is_integer(M), is_integer(S) ->
    H * 3600 + M * 60 + S.

seconds_to_daystime(Secs) when is_integer(Secs) ->
    Days = floor_div(Secs, ?SECONDS_PER_DAY),
    {Days, seconds_to_time(Secs - Days * ?SECONDS_PER_DAY)}.

time_difference({_, _} = From, {_, _} = To) ->
    seconds_to_daystime(datetime_to_gregorian_seconds(To) - datetime_to_gregorian_seconds(From)).

floor_div(A, B) when A >= 0 -> A div B;
floor_div(A, B) -> -((-A + B - 1) div B).

%%% The clock

universal_time() -> erlang:universaltime().

local_time() -> erlang:localtime().

now_to_datetime({MegaSecs, Secs, MicroSecs}) when is_integer(MegaSecs), is_integer(Secs),
                                                 is_integer(MicroSecs) ->
    gregorian_seconds_to_datetime(MegaSecs * 1000000 + Secs + ?EPOCH_SECONDS).

now_to_universal_time(Now) -> now_to_datetime(Now).

now_to_local_time(Now) -> calendar:universal_time_to_local_time(now_to_datetime(Now)).

system_time_to_universal_time(Time, Unit) ->
    Secs = floor_div(erlang:convert_time_unit(Time, Unit, native),
                     erlang:convert_time_unit(1, second, native)),
    gregorian_seconds_to_datetime(Secs + ?EPOCH_SECONDS).

system_time_to_local_time(Time, Unit) ->
    calendar:universal_time_to_local_time(system_time_to_universal_time(Time, Unit)).

%%% RFC 3339

system_time_to_rfc3339(Time) -> system_time_to_rfc3339(Time, []).

system_time_to_rfc3339(Time0, Options) when is_integer(Time0), is_list(Options) ->
    %% As OTP does, a native time prints with millisecond precision.
    {Time, Unit} = case proplists:get_value(unit, Options, second) of
                       native -> {erlang:convert_time_unit(Time0, native, millisecond), millisecond};
                       U -> {Time0, U}
                   end,
    Designator = proplists:get_value(time_designator, Options, $T),
    PerSecond = per_second(Unit),
    %% As OTP 25 does, a negative time's fraction counts away from zero:
    %% -1 millisecond prints as 00:00:00.001.
    Secs = Time div PerSecond,
    Frac = abs(Time rem PerSecond),
    {OffsetSecs, OffsetText} = offset(proplists:get_value(offset, Options, ""), Secs, PerSecond),
    {{Y, Mo, D}, {H, Mi, S}} = gregorian_seconds_to_datetime(Secs + OffsetSecs + ?EPOCH_SECONDS),
    pad(Y, 4) ++ "-" ++ pad(Mo, 2) ++ "-" ++ pad(D, 2) ++ [Designator] ++
        pad(H, 2) ++ ":" ++ pad(Mi, 2) ++ ":" ++ pad(S, 2) ++ fraction(Frac, PerSecond) ++ OffsetText.

%% per_second(Unit): how many Units make a second (badarg for a bad unit).
per_second(Unit) -> erlang:convert_time_unit(1, second, Unit).

fraction(_, 1) -> "";
fraction(Frac, PerSecond) -> "." ++ pad(Frac, digits(PerSecond) - 1).

digits(N) when N < 10 -> 1;
digits(N) -> 1 + digits(N div 10).

%% offset(Option, Secs, PerSecond): the offset in seconds and as text; ""
%% means the host's local time at that instant.
offset("", Secs, _) ->
    UTC = gregorian_seconds_to_datetime(Secs + ?EPOCH_SECONDS),
    Local = calendar:universal_time_to_local_time(UTC),
    Diff = datetime_to_gregorian_seconds(Local) - datetime_to_gregorian_seconds(UTC),
    {Diff, offset_text(Diff)};
offset(Z, _, _) when Z =:= "Z"; Z =:= "z" -> {0, Z};
offset([Sign, H1, H2, $:, M1, M2] = Text, _, _) when Sign =:= $+; Sign =:= $- ->
    Secs = list_to_integer([H1, H2]) * 3600 + list_to_integer([M1, M2]) * 60,
    {case Sign of $+ -> Secs; $- -> -Secs end, Text};
offset(N, _, PerSecond) when is_integer(N) ->
    Secs = N div PerSecond,
    {Secs, offset_text(Secs)}.

offset_text(Secs) when Secs < 0 -> "-" ++ hh_mm(-Secs);
offset_text(Secs) -> "+" ++ hh_mm(Secs).

hh_mm(Secs) -> pad(Secs div 3600, 2) ++ ":" ++ pad(Secs rem 3600 div 60, 2).

pad(N, Width) ->
    S = integer_to_list(N),
    lists:duplicate(Width - erlang:length(S), $0) ++ S.

rfc3339_to_system_time(Text) -> rfc3339_to_system_time(Text, []).

rfc3339_to_system_time(Text, Options) ->
    Unit = proplists:get_value(unit, Options, second),
    PerSecond = per_second(Unit),
    [Y1, Y2, Y3, Y4, $-, Mo1, Mo2, $-, D1, D2, T, H1, H2, $:, Mi1, Mi2, $:, S1, S2 | Rest] = Text,
    true = lists:member(T, "Tt "),
    Date = {list_to_integer([Y1, Y2, Y3, Y4]), list_to_integer([Mo1, Mo2]), list_to_integer([D1, D2])},
    Time = {list_to_integer([H1, H2]), list_to_integer([Mi1, Mi2]), list_to_integer([S1, S2])},
    {FracDigits, OffsetText} = case Rest of
                                   [$. | R] -> lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, R);
                                   _ -> {"", Rest}
                               end,
    {ok, Offset} = parse_offset(OffsetText),
    Secs = datetime_to_gregorian_seconds({Date, Time}) - ?EPOCH_SECONDS - Offset,
    %% As OTP 25 does, the fraction of a time before the epoch counts
    %% away from zero.
    case Secs < 0 of
        true -> Secs * PerSecond - frac_in_unit(FracDigits, PerSecond);
        false -> Secs * PerSecond + frac_in_unit(FracDigits, PerSecond)
    end.

parse_offset(Z) when Z =:= "Z"; Z =:= "z" -> {ok, 0};
parse_offset([Sign, _, _, $:, _, _] = Text) when Sign =:= $+; Sign =:= $- ->
    {Secs, _} = offset(Text, 0, 1),
    {ok, Secs};
parse_offset(_) -> error.

%% frac_in_unit(Digits, PerSecond): the decimal fraction of a second in
%% units, truncated.
frac_in_unit("", _) -> 0;
frac_in_unit(Digits, PerSecond) ->
    list_to_integer(Digits) * PerSecond div pow10(erlang:length(Digits)).

pow10(0) -> 1;
pow10(N) -> 10 * pow10(N - 1).
