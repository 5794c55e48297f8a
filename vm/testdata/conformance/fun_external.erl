%% External funs: fun name/arity, fun mod:name/arity, fun erlang:F/A, fun_info type.
-module(fun_external).
-export([start/0, double/1, add/2]).

double(X) -> 2 * X.
add(X, Y) -> X + Y.
local_triple(X) -> 3 * X.

apply_to(F, Args) -> apply(F, Args).

start() ->
    Ext = fun fun_external:double/1,
    Ext2 = fun ?MODULE:add/2,
    Loc = fun local_triple/1,
    Bif = fun erlang:abs/1,
    M = fun_external,
    F = double,
    Dyn = fun M:F/1,
    [{ext, Ext(4), Ext2(1, 2), Dyn(21)},
     {loc, Loc(5)},
     {bif, Bif(-3), (fun erlang:element/2)(2, {a, b})},
     {apply, apply_to(Ext2, [10, 20]), apply_to(Loc, [1]), apply(fun erlang:'-'/2, [5, 8])},
     {type, erlang:fun_info(Ext, type), erlang:fun_info(Loc, type)},
     {arity, erlang:fun_info(Ext, arity), erlang:fun_info(Ext2, arity), erlang:fun_info(Loc, arity)},
     {mod_name, erlang:fun_info(Ext, module), erlang:fun_info(Ext, name)},
     {eq, Ext =:= fun fun_external:double/1, Ext =:= Dyn, Ext == Ext2},
     {is_function, is_function(Ext, 1), is_function(Bif, 2)},
     {undef, try (fun fun_external:nope/0)() catch error:R -> R end},
     {map_over, [G(7) || G <- [Ext, Loc, fun(X) -> X end]]}].
