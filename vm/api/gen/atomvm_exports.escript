#!/usr/bin/env escript
%% Prints "Lib<TAB>Module<TAB>Function/Arity<TAB>stub|erl" for each export of
%% each AtomVM library source given. "stub" marks a function whose every
%% clause only raises nif_error: the real code is a NIF. Used by
%% gen_atomvm.py; parses without macro expansion (epp_dodger).
-mode(compile).

main(Files) -> lists:foreach(fun print_exports/1, Files).

print_exports(File) ->
    {ok, Forms} = epp_dodger:parse_file(File, [{no_fail, true}]),
    [Mod] = [atom_arg(F) || F <- Forms, attr(F) =:= module],
    Funs = [{erl_syntax:atom_value(erl_syntax:function_name(F)), erl_syntax:function_arity(F), F}
            || F <- Forms, erl_syntax:type(F) =:= function],
    Exports = case lists:any(fun export_all/1, Forms) of
                  true -> [{N, A} || {N, A, _} <- Funs];
                  false -> lists:append([exports(F) || F <- Forms, attr(F) =:= export])
              end,
    [io:format("~s\t~s\t~s/~b\t~s~n", [lib(File), Mod, N, A, kind(N, A, Funs)])
     || {N, A} <- lists:usort(Exports)].

attr(F) ->
    case erl_syntax:type(F) of
        attribute -> catch erl_syntax:atom_value(erl_syntax:attribute_name(F));
        _ -> none
    end.

atom_arg(F) -> erl_syntax:atom_value(hd(erl_syntax:attribute_arguments(F))).

export_all(F) ->
    attr(F) =:= compile andalso
        lists:member(export_all, lists:flatten([catch erl_syntax:concrete(hd(erl_syntax:attribute_arguments(F)))])).

exports(F) ->
    [{erl_syntax:atom_value(erl_syntax:arity_qualifier_body(Q)),
      erl_syntax:integer_value(erl_syntax:arity_qualifier_argument(Q))}
     || Q <- erl_syntax:list_elements(hd(erl_syntax:attribute_arguments(F)))].

%% libs/LIB/src/M.erl, or libs/LIB/M.erl (esp32boot).
lib(File) ->
    case lists:reverse(filename:split(File)) of
        [_, "src", Lib | _] -> Lib;
        [_, Lib | _] -> Lib
    end.

kind(N, A, Funs) ->
    case [F || {N1, A1, F} <- Funs, N1 =:= N, A1 =:= A] of
        [F] ->
            Stub = lists:all(fun stub_body/1, [erl_syntax:clause_body(C) || C <- erl_syntax:function_clauses(F)]),
            case Stub of true -> "stub"; false -> "erl" end;
        _ -> "erl"
    end.

stub_body([E]) ->
    lists:member(lists:flatten(erl_prettypr:format(E)),
                 ["erlang:nif_error(undefined)", "erlang:nif_error(nif_not_loaded)", "erlang:nif_error(badarg)",
                  "throw(nif_error)", "erlang:throw(nif_error)", "error(nif_error)", "erlang:error(nif_error)"]);
stub_body(_) -> false.
