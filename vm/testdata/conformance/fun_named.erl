%% Named (self-recursive) funs: factorial, fibonacci, list length, mutual via arg.
-module(fun_named).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

fact() -> fun Fact(0) -> 1; Fact(N) when N > 0 -> N * Fact(N - 1) end.

fib_fun() ->
    fun Fib(N) when N < 2 -> N;
        Fib(N) -> Fib(N - 1) + Fib(N - 2)
    end.

len_with_acc(Base) ->
    fun Len([], Acc) -> Acc + Base;
        Len([_ | T], Acc) -> Len(T, Acc + 1)
    end.

start() ->
    Fact = fact(),
    Fib = fib_fun(),
    Len = len_with_acc(100),
    Walk = fun W({node, L, R}) -> W(L) + W(R); W(leaf) -> 1 end,
    Tree = {node, {node, leaf, leaf}, {node, {node, leaf, leaf}, leaf}},
    [{fact, Fact(0), Fact(10), Fact(25)},
     {fib, [Fib(N) || N <- [0, 1, 2, 10, 20]]},
     {len, Len([a, b, c], 0)},
     {walk, Walk(Tree)},
     {loop, (fun Loop(0, A) -> A; Loop(N, A) -> Loop(N - 1, A + N) end)(100000, 0)},
     {clause_err, try Fact(-1) catch error:function_clause -> fc end},
     {arity, erlang:fun_info(Fact, arity), erlang:fun_info(Len, arity)}].
