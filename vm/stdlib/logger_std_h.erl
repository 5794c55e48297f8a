%% The logger_std_h module of avm's bundled standard library: the default
%% log handler, printing one event a line on standard output in the format
%% of AtomVM's guide:
%%
%%   2023-07-04T18:34:56.387 [notice] <0.1.0> mod:fun/0 message
%%
%% (UTC time with milliseconds, level, pid, the logging function when the
%% event came from a ?LOG_* macro, then the message). A report prints as
%% ~p of its map, or through the report_cb fun of the event's metadata.
-module(logger_std_h).

-export([log/2, format_event/1]).

log(Event, _Config) ->
    io:put_chars(format_event(Event)).

%% format_event(Event): the line logger_std_h prints for Event.
format_event(#{level := Level, pid := Pid, timestamp := Timestamp, msg := Msg} = Event) ->
    Meta = maps:get(meta, Event, #{}),
    [timestamp(Timestamp), " [", atom_to_list(Level), "] ", pid_to_list(Pid), " ",
     location(Meta), message(Msg, Meta), "\n"].

location(#{location := #{mfa := {M, F, A}}}) ->
    io_lib:format("~w:~tw/~w ", [M, F, A]);
location(_) ->
    "".

message({report, Report}, #{report_cb := Fun}) when is_function(Fun, 1) ->
    case safe_format(Fun, Report) of
        {ok, Chars} -> Chars;
        error -> io_lib:format("~tp", [Report])
    end;
message({report, Report}, _Meta) ->
    io_lib:format("~tp", [Report]);
message({string, String}, _Meta) ->
    String;
message({Format, Args}, _Meta) ->
    try
        io_lib:format(Format, Args)
    catch
        _:_ -> io_lib:format("FORMAT ERROR: ~tp - ~tp", [Format, Args])
    end.

safe_format(Fun, Report) ->
    try Fun(Report) of
        {Format, Args} -> {ok, io_lib:format(Format, Args)}
    catch
        _:_ -> error
    end.

%% timestamp(Microseconds): YYYY-MM-DDTHH:MM:SS.mmm in UTC.
timestamp(Micros) ->
    Seconds = Micros div 1000000,
    Millis = (Micros rem 1000000) div 1000,
    {Y, Mo, D} = civil_date(Seconds div 86400),
    S = Seconds rem 86400,
    io_lib:format("~4..0w-~2..0w-~2..0wT~2..0w:~2..0w:~2..0w.~3..0w",
                  [Y, Mo, D, S div 3600, (S rem 3600) div 60, S rem 60, Millis]).

%% civil_date(Days): the Gregorian date Days after 1970-01-01.
civil_date(Days) ->
    Z = Days + 719468,
    Era = Z div 146097,
    DayOfEra = Z - Era * 146097,
    YearOfEra = (DayOfEra - DayOfEra div 1460 + DayOfEra div 36524 - DayOfEra div 146096) div 365,
    DayOfYear = DayOfEra - (365 * YearOfEra + YearOfEra div 4 - YearOfEra div 100),
    MP = (5 * DayOfYear + 2) div 153,
    Day = DayOfYear - (153 * MP + 2) div 5 + 1,
    Month = if MP < 10 -> MP + 3; true -> MP - 9 end,
    Year = YearOfEra + Era * 400 + (if Month =< 2 -> 1; true -> 0 end),
    {Year, Month, Day}.
