%% erlang:fun_info/2 with arity and type keys; is_function/2 for many arities.
-module(fun_info_arity).
-export([start/0, ext3/3]).

ext3(A, B, C) -> {A, B, C}.

start() ->
    Fs = [fun() -> 0 end,
          fun(_) -> 1 end,
          fun(_, _) -> 2 end,
          fun(_, _, _) -> 3 end,
          fun(_, _, _, _, _, _, _, _, _, _) -> 10 end,
          fun ext3/3,
          fun ?MODULE:ext3/3,
          fun erlang:tuple_size/1],
    [{arity, [element(2, erlang:fun_info(F, arity)) || F <- Fs]},
     {type, [element(2, erlang:fun_info(F, type)) || F <- Fs]},
     {is_fun2, [[A || A <- [0, 1, 2, 3, 10], is_function(F, A)] || F <- Fs]},
     {bad_info, try erlang:fun_info(not_a_fun, arity) catch error:R -> R end},
     {is_fun_badarg, try is_function(hd(Fs), -1) catch error:R2 -> R2 end}].
