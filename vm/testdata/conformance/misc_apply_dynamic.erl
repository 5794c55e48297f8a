%% erlang:apply/3 and M:F(Args) with module/function atoms computed at run time.
-module(misc_apply_dynamic).
-export([start/0, handle_add/2, handle_mul/2, handle_neg/1, dispatch/2]).

handle_add(A, B) -> A + B.
handle_mul(A, B) -> A * B.
handle_neg(A) -> -A.

dispatch(Op, Args) ->
    F = list_to_atom("handle_" ++ atom_to_list(Op)),
    erlang:apply(?MODULE, F, Args).

via_var(M, F, A, B) -> M:F(A, B).

via_var_nontail(M, F, A) ->
    R = M:F(A),
    {res, R, M}.

start() ->
    Mod = list_to_atom("misc_" ++ "apply_dynamic"),
    [{dispatch, dispatch(add, [2, 3]), dispatch(mul, [4, 5]), dispatch(neg, [7])},
     {via_var, via_var(Mod, handle_add, 10, 20), via_var(erlang, '-', 10, 20)},
     {via_var_nontail, via_var_nontail(Mod, handle_neg, 5), via_var_nontail(erlang, abs, -5)},
     {apply_bif, apply(erlang, tuple_size, [{a, b, c}]), apply(erlang, atom_to_list, [xyz])},
     {apply_local_name, apply(Mod, dispatch, [mul, [6, 7]])},
     {undef_fun, try dispatch(pow, [1, 2]) catch error:undef -> undef end},
     {wrong_arity, try erlang:apply(Mod, handle_neg, [1, 2]) catch error:R -> R end},
     {bad_fun_name, try erlang:apply(Mod, "handle_add", [1, 2]) catch error:R2 -> R2 end},
     {chain, lists_foldl(fun(Op, Acc) -> dispatch(Op, [Acc, Acc]) end, 3, [add, mul, add])}].

lists_foldl(_, A, []) -> A;
lists_foldl(F, A, [H | T]) -> lists_foldl(F, F(H, A), T).
