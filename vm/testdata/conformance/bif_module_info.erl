%% module_info/0,1 and erlang:get_module_info/1,2 (module and exports keys only).
-module(bif_module_info).
-export([start/0, a/0, b/2, c/1]).

a() -> a.
b(X, Y) -> {X, Y}.
c(X) -> X.

isort([]) -> [];
isort([H | T]) -> ins(H, isort(T)).
ins(X, []) -> [X];
ins(X, [Y | T]) when X =< Y -> [X, Y | T];
ins(X, [Y | T]) -> [Y | ins(X, T)].

pick(K, [{K, V} | _]) -> V;
pick(K, [_ | T]) -> pick(K, T);
pick(_, []) -> missing.

start() ->
    All = module_info(),
    GAll = erlang:get_module_info(?MODULE),
    [{module, module_info(module), pick(module, All), erlang:get_module_info(?MODULE, module)},
     {exports, isort(module_info(exports))},
     {exports_all, isort(pick(exports, All)) =:= isort(module_info(exports))},
     {get_exports, isort(erlang:get_module_info(?MODULE, exports))},
     {get_all, pick(module, GAll), isort(pick(exports, GAll))},
     {keys, [K || {K, _} <- All, K =:= module orelse K =:= exports]},
     {remote, ?MODULE:module_info(module)},
     {bad_key, try module_info(id(nonsense)) catch C:R -> {C, R} end}].

id(X) -> X.
