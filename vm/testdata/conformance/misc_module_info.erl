%% module_info/0,1 and ?MODULE: module name, exported functions (sorted), local/external calls.
-module(misc_module_info).
-export([start/0, pub/0, pub/2]).

pub() -> public.
pub(A, B) -> {A, B}.
priv() -> private.

isort(L) -> isort(L, []).
isort([], A) -> A;
isort([H | T], A) -> isort(T, ins(H, A)).
ins(X, [H | T]) when X > H -> [H | ins(X, T)];
ins(X, L) -> [X | L].

start() ->
    Info = module_info(),
    [{module, module_info(module), ?MODULE:module_info(module), ?MODULE},
     {exports, isort(module_info(exports))},
     {ext_exports, isort(erlang:apply(?MODULE, module_info, [exports]))},
     {info_is_list, is_list(Info), is_list(module_info(attributes))},
     {has_keys, [K || {K, _} <- Info, K =:= module orelse K =:= exports]},
     {calls, pub(), ?MODULE:pub(), priv(), ?MODULE:pub(1, 2)}].
