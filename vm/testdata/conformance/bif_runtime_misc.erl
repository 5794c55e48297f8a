%% bif_runtime_misc: runtime functions Elixir's System, Process and
%% Function modules call: fun_info/1, time_offset/0,1, send_after/4 and
%% start_timer/4 with {abs, _}, process_flag/3, and init's arguments.
-module(bif_runtime_misc).
-export([start/0]).

start() ->
    Local = fun(X) -> X + 1 end,
    T = erlang:monotonic_time(millisecond),
    [{fun_info_external, erlang:fun_info(fun lists:map/2)},
     {fun_info_local_keys, [K || {K, _} <- erlang:fun_info(Local)]},
     {fun_info_local_arity, lists:keyfind(arity, 1, erlang:fun_info(Local))},
     {fun_info_badarg, catch_error(fun() -> erlang:fun_info(not_a_fun) end)},
     {time_offset, is_integer(erlang:time_offset())},
     {time_offset_unit, is_integer(erlang:time_offset(millisecond))},
     {time_offset_badarg, catch_error(fun() -> erlang:time_offset(fortnight) end)},
     {send_after_abs, begin
                          erlang:send_after(T + 20, self(), abs_fired, [{abs, true}]),
                          receive abs_fired -> fired after 2000 -> timeout end
                      end},
     {send_after_past, begin
                           erlang:send_after(T - 1, self(), past_fired, [{abs, true}]),
                           receive past_fired -> fired after 2000 -> timeout end
                       end},
     {start_timer_rel, begin
                           Ref = erlang:start_timer(5, self(), tick, [{abs, false}]),
                           receive {timeout, Ref, tick} -> fired after 2000 -> timeout end
                       end},
     {send_after_badopt, catch_error(fun() -> erlang:send_after(5, self(), x, [bad]) end)},
     {send_after_badabs, catch_error(fun() -> erlang:send_after(5, self(), x, [{abs, yes}]) end)},
     {save_calls, erlang:process_flag(self(), save_calls, 5)},
     {process_flag3_badarg, catch_error(fun() -> erlang:process_flag(self(), trap_exit, true) end)},
     {init_home, init:get_argument(home) =:= {ok, [[os:getenv("HOME")]]}},
     {init_missing, init:get_argument(no_such_emulator_flag)},
     {init_arguments_home, lists:keyfind(home, 1, init:get_arguments()) =:= {home, [os:getenv("HOME")]}},
     {init_badarg, catch_error(fun() -> init:get_argument("home") end)}].

catch_error(F) ->
    try F() of
        V -> {ok, V}
    catch
        error:R -> {error, R}
    end.
