%% Extended error information (EEP 54) of failing BIFs: the first frame of
%% the stacktrace (its arguments and error_info), and the per-argument
%% explanations erl_erts_errors:format_error/2 gives for it, as OTP 25
%% words them.
-module(erts_errors).
-export([start/0, id/1]).

id(X) -> X.

%% explain runs F and describes how it failed: the failing frame's
%% function, arguments (pids and references made stable) and error_info
%% module, and the messages as binaries. The cause that OTP's BIFs may
%% add to error_info is left out: avm gives none, and format_error/2
%% works the cause out from the arguments instead.
explain(F) ->
    try F() of
        V -> {returned, V}
    catch
        Class:Reason:St ->
            [{M, Fn, Args, Loc} | _] = St,
            Info = case proplists:get_value(error_info, Loc, none) of
                       #{module := Module} -> Module;
                       _ -> none
                   end,
            Msgs = try erl_erts_errors:format_error(Reason, St) of
                       Map -> lists:sort([{N, iolist_to_binary(S)} || {N, S} <- maps:to_list(Map)])
                   catch
                       C:R -> {format_error_failed, C, R}
                   end,
            {Class, clean(Reason), {M, Fn, clean(Args)}, Info, Msgs}
    end.

clean(T) when is_pid(T) -> pid;
clean(T) when is_reference(T) -> ref;
clean([H | T]) -> [clean(H) | clean(T)];
clean(T) when is_tuple(T) -> list_to_tuple(clean(tuple_to_list(T)));
clean(T) -> T.

start() ->
    X = fun ?MODULE:id/1,
    Pid = spawn(fun() -> ok end),
    Ref = make_ref(),
    Owner = spawn(fun() -> receive stop -> ok end end),
    register(erts_errors_taken, Owner),
    Cases = [
        {abs, fun() -> abs(X(a)) end},
        {float, fun() -> float(X("1")) end},
        {round, fun() -> round(X(a)) end},
        {trunc, fun() -> trunc(X(<<>>)) end},
        {hd, fun() -> hd(X([])) end},
        {tl, fun() -> tl(X(a)) end},
        {length, fun() -> length(X([a | b])) end},
        {tuple_size, fun() -> tuple_size(X([])) end},
        {tuple_to_list, fun() -> tuple_to_list(X(a)) end},
        {list_to_tuple, fun() -> list_to_tuple(X(a)) end},
        {byte_size, fun() -> byte_size(X(a)) end},
        {bit_size, fun() -> bit_size(X(1)) end},
        {atom_to_binary1, fun() -> atom_to_binary(X("str")) end},
        {atom_to_binary2, fun() -> atom_to_binary(X(a), X(utf16)) end},
        {atom_to_binary2_latin1, fun() -> atom_to_binary(X('\x{400}'), latin1) end},
        {atom_to_list, fun() -> atom_to_list(X(1)) end},
        {binary_to_atom, fun() -> binary_to_atom(X(a)) end},
        {binary_to_atom_enc, fun() -> binary_to_atom(X(<<"a">>), X(foo)) end},
        {binary_to_atom_utf8, fun() -> binary_to_atom(X(<<255>>), utf8) end},
        {binary_to_existing_atom, fun() -> binary_to_existing_atom(X(<<"no such atom here">>)) end},
        {binary_to_existing_atom_latin1, fun() -> binary_to_existing_atom(X(<<"no such atom either">>), latin1) end},
        {list_to_atom, fun() -> list_to_atom(X([a])) end},
        {list_to_atom_improper, fun() -> list_to_atom(X([$a | b])) end},
        {list_to_existing_atom, fun() -> list_to_existing_atom(X("no such atom at all")) end},
        {integer_to_binary, fun() -> integer_to_binary(X(1.0)) end},
        {integer_to_binary_base, fun() -> integer_to_binary(X(10), X(37)) end},
        {integer_to_list_base, fun() -> integer_to_list(X(a), X(1)) end},
        {binary_to_integer, fun() -> binary_to_integer(X(<<"x1">>)) end},
        {binary_to_integer_nobin, fun() -> binary_to_integer(X("1")) end},
        {binary_to_integer_base, fun() -> binary_to_integer(X(<<"1">>), X(99)) end},
        {list_to_integer, fun() -> list_to_integer(X("1x")) end},
        {list_to_integer_nolist, fun() -> list_to_integer(X(<<"1">>)) end},
        {list_to_integer_base, fun() -> list_to_integer(X("z"), X(10)) end},
        {binary_to_float, fun() -> binary_to_float(X(<<"1">>)) end},
        {list_to_float, fun() -> list_to_float(X("1")) end},
        {float_to_list_opts, fun() -> float_to_list(X(1.0), X([bad])) end},
        {element_range, fun() -> element(X(3), X({a})) end},
        {element_zero, fun() -> element(X(0), X(a)) end},
        {element_notint, fun() -> element(X(a), X({a})) end},
        {element_nottuple, fun() -> element(X(1), X([])) end},
        {setelement, fun() -> setelement(X(2), X({a}), b) end},
        {map_get_badkey, fun() -> map_get(X(k), X(#{})) end},
        {map_get_badmap, fun() -> map_get(X(k), X(a)) end},
        {map_size, fun() -> map_size(X(a)) end},
        {is_map_key, fun() -> is_map_key(X(k), X(a)) end},
        {binary_part_range, fun() -> binary_part(X(<<"ab">>), X(1), X(5)) end},
        {binary_part_pos, fun() -> binary_part(X(<<"ab">>), X(3), X(0)) end},
        {binary_part_neg, fun() -> binary_part(X(<<"ab">>), X(-1), X(1)) end},
        {binary_part_nobin, fun() -> binary_part(X(a), X(0), X(1)) end},
        {binary_part2, fun() -> binary_part(X(<<"ab">>), X({1, 5})) end},
        {binary_part2_bad, fun() -> binary_part(X(<<"ab">>), X(a)) end},
        {split_binary, fun() -> split_binary(X(<<"ab">>), X(3)) end},
        {split_binary_nobin, fun() -> split_binary(X(a), X(-1)) end},
        {binary_to_list3, fun() -> binary_to_list(X(<<"abc">>), X(3), X(1)) end},
        {binary_to_list3_range, fun() -> binary_to_list(X(<<"abc">>), X(2), X(9)) end},
        {times, fun() -> X(a) * 2 end},
        {divide, fun() -> X(1) div X(0) end},
        {rem_op, fun() -> X(1) rem X(a) end},
        {band_op, fun() -> X(1) band X(1.0) end},
        {bsl_op, fun() -> X(1) bsl X(a) end},
        {neg, fun() -> - X(a) end},
        {send, fun() -> X(nobody_registered) ! hello end},
        {erlang_send, fun() -> erlang:send(X(1), hello) end},
        {spawn1, fun() -> spawn(X(a)) end},
        {spawn3, fun() -> spawn(X(m), X(f), X([a | b])) end},
        {apply3, fun() -> apply(X(m), X("f"), X(a)) end},
        {apply_call, fun() -> (X(1)):f(a) end},
        {make_ref, fun() -> is_reference(erlang:make_ref()) end},
        {node1, fun() -> node(X(a)) end},
        {process_info1, fun() -> process_info(X(a)) end},
        {process_info2, fun() -> process_info(X(self()), X(no_such_item)) end},
        {register_undefined, fun() -> register(X(undefined), X(self())) end},
        {register_notatom, fun() -> register(X("n"), X(a)) end},
        {register_dead, fun() -> register(X(erts_errors_name), X(dead(Pid))) end},
        {register_taken, fun() -> register(X(erts_errors_taken), X(self())) end},
        {unregister, fun() -> unregister(X(nobody_registered)) end},
        {whereis, fun() -> whereis(X("a")) end},
        {is_process_alive, fun() -> is_process_alive(X(a)) end},
        {link, fun() -> link(X(a)) end},
        {unlink, fun() -> unlink(X(a)) end},
        {monitor_type, fun() -> monitor(X(thing), X(Pid)) end},
        {monitor_item, fun() -> monitor(X(process), X(1)) end},
        {demonitor, fun() -> demonitor(X(a)) end},
        {demonitor_opts, fun() -> demonitor(X(Ref), X([bad])) end},
        {iolist_to_binary, fun() -> iolist_to_binary(X([a])) end},
        {iolist_size, fun() -> iolist_size(X(a)) end},
        {list_to_binary, fun() -> list_to_binary(X([-1])) end},
        {binary_to_list, fun() -> binary_to_list(X(a)) end},
        {term_to_binary, fun() -> term_to_binary(a, X([bad])) end},
        {binary_to_term, fun() -> binary_to_term(X(<<1, 2>>)) end},
        {binary_to_term_safe, fun() -> binary_to_term(X(<<1, 2>>), X([safe])) end},
        {binary_to_term_nobin, fun() -> binary_to_term(X(a)) end},
        {make_tuple, fun() -> erlang:make_tuple(X(-1), a) end},
        {append_element, fun() -> erlang:append_element(X(a), b) end},
        {exit2, fun() -> exit(X(a), kill) end},
        {group_leader, fun() -> group_leader(X(a), X(self())) end},
        {function_exported, fun() -> erlang:function_exported(X("m"), X(f), X(1)) end},
        {send_after, fun() -> erlang:send_after(X(-1), X(self()), m) end},
        {start_timer, fun() -> erlang:start_timer(X(1), X("p"), m) end},
        {cancel_timer, fun() -> erlang:cancel_timer(X(a)) end},
        {convert_time_unit, fun() -> erlang:convert_time_unit(X(a), X(second), X(bad)) end},
        {system_time, fun() -> erlang:system_time(X(bad)) end},
        {unique_integer, fun() -> erlang:unique_integer(X([bad])) end},
        {phash2, fun() -> erlang:phash2(a, X(0)) end},
        {list_to_pid, fun() -> list_to_pid(X("x")) end},
        {list_to_ref, fun() -> list_to_ref(X(a)) end},
        {ref_to_list, fun() -> ref_to_list(X(a)) end},
        {pid_to_list, fun() -> pid_to_list(X(a)) end},
        {size, fun() -> size(X(a)) end},
        {is_function2, fun() -> is_function(X(a), X(-1)) end},
        {process_flag, fun() -> process_flag(X(trap_exit), X(sometimes)) end},
        {persistent_term, fun() -> persistent_term:get(X({erts_errors, no_such_key})) end},
        {system_limit, fun() -> list_to_atom(X(lists:duplicate(256, $a))) end},
        {put_get, fun() -> {put(k, v), get(k), erase(k)} end}
    ],
    Result = [{Name, explain(F)} || {Name, F} <- Cases],
    Owner ! stop,
    Result.

%% dead(Pid) waits for Pid to end and returns it.
dead(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, _} -> Pid end.
