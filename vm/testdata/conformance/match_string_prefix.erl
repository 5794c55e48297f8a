%% String prefix patterns ("abc" ++ T) in heads and case, and char-level list matching.
-module(match_string_prefix).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

cmd("get " ++ Key) -> {get, Key};
cmd("set " ++ Rest) -> {set, split_eq(Rest, [])};
cmd("quit") -> quit;
cmd("q" ++ _) -> maybe_quit;
cmd(_) -> unknown.

split_eq([$= | V], K) -> {rev(K), V};
split_eq([C | T], K) -> split_eq(T, [C | K]);
split_eq([], K) -> {rev(K), none}.

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

ext(Name) ->
    case rev(Name) of
        "lre." ++ _ -> erlang;
        "og." ++ _ -> go;
        "cb." ++ _ -> c_or_beam;
        _ -> unknown
    end.

start() ->
    [{cmd, [cmd(S) || S <- ["get foo", "set a=1", "set b", "quit", "qx", "", "GET x"]]},
     {ext, [ext(F) || F <- ["a.erl", "main.go", "x.bc", "readme"]]},
     {char_pat, case "hello" of [$h, $e | T] -> T end}].
