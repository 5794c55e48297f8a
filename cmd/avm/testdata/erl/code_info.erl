%% The code server's questions: where a module comes from, which are
%% loaded, loading from a file.
-module(code_info).
-export([start/0]).

start() ->
    erlang:display({is_loaded_before, code:is_loaded(proplists)}),
    erlang:display({which_unloaded, code:which(proplists)}),
    [] = proplists:get_all_values(a, []),
    erlang:display({is_loaded_after, code:is_loaded(proplists)}),
    erlang:display({which_self, code:which(code_info)}),
    erlang:display({which_missing, code:which(no_such_module)}),
    erlang:display({in_all_loaded, lists:keymember(proplists, 1, code:all_loaded())}),
    {proplists, Bin, _File} = code:get_object_code(proplists),
    erlang:display({object_code, is_binary(Bin)}),
    erlang:display({no_object_code, code:get_object_code(no_such_module)}),
    erlang:display({load_abs_missing, code:load_abs("/nonexistent/nothing")}),
    Available = code:all_available(),
    erlang:display({available_has_lists, lists:keymember("lists", 1, Available)}),
    ok.
