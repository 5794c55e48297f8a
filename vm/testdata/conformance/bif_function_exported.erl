%% erlang:function_exported/3 for this module, BIFs and missing modules.
-module(bif_function_exported).
-export([start/0, pub/1, pub/2]).

pub(X) -> X.
pub(X, Y) -> {X, Y, priv(X)}.

priv(X) -> X.

start() ->
    M = id(?MODULE),
    [{own, erlang:function_exported(M, start, 0), erlang:function_exported(M, pub, 1),
      erlang:function_exported(M, pub, 2), erlang:function_exported(M, pub, 3),
      erlang:function_exported(M, priv, 1)},
     {module_info, erlang:function_exported(M, module_info, 0),
      erlang:function_exported(M, module_info, 1)},
     {erlang_bifs, erlang:function_exported(erlang, abs, 1),
      erlang:function_exported(erlang, element, 2),
      erlang:function_exported(erlang, no_such_bif_zz, 1)},
     {missing_mod, erlang:function_exported(no_such_module_xyz, f, 0)},
     {bad, try erlang:function_exported(id("m"), f, 0) catch C:R -> {C, R} end},
     {loaded, is_atom(M), erlang:module_loaded(M),
      erlang:module_loaded(no_such_module_xyz)}].

id(X) -> X.
