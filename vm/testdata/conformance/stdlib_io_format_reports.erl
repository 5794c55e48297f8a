%% The formats of logs and crash reports: ~tp of exit reasons with
%% stacktraces, server states and messages after text that sets the column,
%% padded timestamps and levels, ~ts of report strings.
-module(stdlib_io_format_reports).
-export([start/0]).

start() ->
    Trace = [{stdlib_io_format_reports, handle_call, 3, [{file, "stdlib_io_format_reports.erl"}, {line, 42}]},
             {gen_server, try_handle_call, 4, [{file, "gen_server.erl"}, {line, 1149}]},
             {gen_server, handle_msg, 6, [{file, "gen_server.erl"}, {line, 1178}]},
             {proc_lib, init_p_do_apply, 3, [{file, "proc_lib.erl"}, {line, 240}]}],
    Reason = {{badmatch, {error, enoent}}, Trace},
    State = {state, "/var/data/sensor.log", [{temperature, 21.5}, {humidity, 40}], {1700, 12, 5}, <<"cfg">>},
    Message = {'$gen_call', {self_pid_placeholder, [alias | make_ref_placeholder]}, {read, sensor_42, [verbose]}},
    [fmt("** Generic server ~tp terminating ~n** Last message in was ~tp~n** When Server state == ~tp~n"
         "** Reason for termination ==~n** ~tp~n", [sensor_srv, Message, State, Reason]),
     fmt("=CRASH REPORT==== ~s ===~n  crasher:~n    initial call: ~w:~tw/~w~n    pid: ~tp~n"
         "    registered_name: ~tp~n    exception error: ~tp~n", ["5-Dec-2023::12:00:00", sensor_srv, init, 1, nopid, [], Reason]),
     fmt("~4..0w-~2..0w-~2..0wT~2..0w:~2..0w:~2..0w.~3..0w [~s] ~tp: ~ts~n",
         [2023, 7, 4, 18, 34, 56, 387, "notice", {sensor_srv, handle_info, 2}, "value out of range"]),
     fmt("    ~tp: ~tp~n", [error_info, #{module => erl_stdlib_errors, cause => #{1 => "not a list"}}]),
     fmt("    exception ~w: ~tp~n", [error, Reason]),
     fmt("      ~ts~n", ["stdlib_io_format_reports:handle_call/3 (stdlib_io_format_reports.erl, line 42)"]),
     fmt("Supervisor: ~tp~nContext: ~tp~nReason: ~tp~nOffender: ~tp~n",
         [{local, app_sup}, child_terminated, shutdown,
          [{pid, undefined}, {id, worker}, {mfargs, {worker, start_link, [[{port, 8080}, {opts, lists:seq(1, 12)}]]}},
           {restart_type, permanent}, {significant, false}, {shutdown, 5000}, {child_type, worker}]]),
     fmt("~tp", [Trace]),
     fmt("~P", [Reason, 5]),
     fmt("got ~w bytes: ~p~n", [12, <<"hello world!">>]),
     fmt("~-20s ~10.2f ~8b~n", ["item", 3.14159, 255])].

fmt(F, A) ->
    try lists:flatten(io_lib:format(F, A))
    catch C:R -> {C, R}
    end.
