%% The error_logger module of avm's bundled standard library: OTP's legacy
%% report API, which the behaviours use for their error, crash and
%% supervisor reports. Reports are printed on standard error, headed like
%% OTP's (=ERROR REPORT====, =WARNING REPORT====, =INFO REPORT====), whether
%% or not a logger_manager runs, so that a crash is never silent.
%%
%% A report that cannot be formatted (bad format string or arguments) is
%% printed raw instead of raising, as a report must not change what the
%% reporting process does.
-module(error_logger).

-export([error_msg/1, error_msg/2, format/2,
         warning_msg/1, warning_msg/2, info_msg/1, info_msg/2,
         error_report/1, error_report/2, warning_report/1, warning_report/2,
         info_report/1, info_report/2]).

error_msg(Format) -> error_msg(Format, []).
error_msg(Format, Args) -> print("ERROR REPORT", Format, Args).
format(Format, Args) -> error_msg(Format, Args).

warning_msg(Format) -> warning_msg(Format, []).
warning_msg(Format, Args) -> print("WARNING REPORT", Format, Args).

info_msg(Format) -> info_msg(Format, []).
info_msg(Format, Args) -> print("INFO REPORT", Format, Args).

error_report(Report) -> report("ERROR REPORT", std_error, Report).
error_report(Type, Report) -> report("ERROR REPORT", Type, Report).

warning_report(Report) -> report("WARNING REPORT", std_warning, Report).
warning_report(Type, Report) -> report("WARNING REPORT", Type, Report).

info_report(Report) -> report("INFO REPORT", std_info, Report).
info_report(Type, Report) -> report("INFO REPORT", Type, Report).

%% report: crash and supervisor reports get OTP's headers; other typed
%% reports show their type.
report(_Header, crash_report, Report) ->
    report_as("CRASH REPORT", "", Report);
report(_Header, supervisor_report, Report) ->
    report_as("SUPERVISOR REPORT", "", Report);
report(_Header, progress, Report) ->
    report_as("PROGRESS REPORT", "", Report);
report(Header, Type, Report) when Type =:= std_error; Type =:= std_warning; Type =:= std_info ->
    report_as(Header, "", Report);
report(Header, Type, Report) ->
    report_as(Header, io_lib:format("    type: ~tp~n", [Type]), Report).

report_as(Header, Head, Report) ->
    print(Header, "~s~s", [Head, report_body(Report)]).

report_body(Report) when is_list(Report) ->
    case io_lib:printable_unicode_list(Report) of
        true -> io_lib:format("~ts~n", [Report]);
        false -> [report_item(Item) || Item <- Report]
    end;
report_body(Report) ->
    io_lib:format("~tp~n", [Report]).

report_item({error_info, {Class, Reason, Stacktrace}}) when is_list(Stacktrace) ->
    proc_lib:format_exception(Class, Reason, Stacktrace);
report_item({initial_call, {M, F, A}}) when is_atom(M), is_atom(F), is_integer(A) ->
    io_lib:format("    initial call: ~w:~tw/~w~n", [M, F, A]);
report_item({Tag, Data}) -> io_lib:format("    ~tp: ~tp~n", [Tag, Data]);
report_item(Term) -> io_lib:format("    ~tp~n", [Term]).

print(Header, Format, Args) ->
    Text = try
               lists:flatten(io_lib:format("=~s====~n" ++ Format, [Header | Args]))
           catch
               _:_ -> raw(Header, Format, Args)
           end,
    catch erlang:display_string(Text),
    ok.

%% raw: the report as its parts, without io_lib.
raw(Header, Format, Args) ->
    "=" ++ Header ++ "====\n" ++ printable(Format) ++ "\n" ++
        lists:flatten([[printable(A), "\n"] || A <- raw_args(Args)]).

raw_args(Args) when is_list(Args) -> Args;
raw_args(Args) -> [Args].

printable(S) when is_list(S) ->
    case lists:all(fun(C) -> is_integer(C) andalso C >= 0 andalso C < 16#110000 end, S) of
        true -> S;
        false -> "(unprintable term)"
    end;
printable(A) when is_atom(A) -> atom_to_list(A);
printable(I) when is_integer(I) -> integer_to_list(I);
printable(P) when is_pid(P) -> pid_to_list(P);
printable(_) -> "(term)".
