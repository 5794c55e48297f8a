%% code_preloaded: erlang is a preloaded module: always loaded, no file,
%% with module_info/0,1 (Elixir tells a missing module from a missing
%% function by function_exported(M, module_info, 0)).
-module(code_preloaded).
-export([start/0]).

start() ->
    Exports = erlang:module_info(exports),
    [{is_loaded, code:is_loaded(erlang)},
     {ensure_loaded, code:ensure_loaded(erlang)},
     {module_loaded, erlang:module_loaded(erlang)},
     {which, code:which(erlang)},
     {module_info_exported, [erlang:function_exported(erlang, module_info, A) || A <- [0, 1, 2]]},
     {module_info_module, erlang:module_info(module), proplists:get_value(module, erlang:module_info())},
     {module_info_exports, [lists:member(FA, Exports) || FA <- [{self, 0}, {module_info, 0}, {module_info, 1}, {no_such_bif, 3}]]},
     {module_info_keys, [K || {K, _} <- erlang:module_info()]},
     {md5, byte_size(erlang:module_info(md5))},
     {bad_key, try erlang:module_info(no_such_key) catch error:R -> {error, R} end},
     {missing_module, code:ensure_loaded(no_such_module_here), code:which(no_such_module_here),
      erlang:function_exported(no_such_module_here, module_info, 0)}].
