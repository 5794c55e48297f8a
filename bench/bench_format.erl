%% io_lib:format of log lines: a timestamp with padded fields, a level,
%% a module and a message with ~s, ~p, ~w, ~b and ~.2f directives, the way
%% a logger formats them; the lines are hashed, not printed.
-module(bench_format).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(40, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() -> lines(1000, 0).

lines(0, Acc) -> Acc;
lines(K, Acc) ->
    Line = io_lib:format("~4..0w-~2..0w-~2..0wT~2..0w:~2..0w:~2..0w.~3..0w ~-7s ~p: ~s (request ~b, ~.2f ms, peer ~w)~n",
                         [2026, 1 + K rem 12, 1 + K rem 28, K rem 24, K rem 60, (K * 7) rem 60, K rem 1000,
                          level(K), {conn_handler, K rem 7}, message(K), K * 31, K / 13, {127, 0, 0, K rem 256}]),
    lines(K - 1, hash(lists:flatten(Line), Acc)).

level(K) ->
    case K rem 4 of
        0 -> "debug";
        1 -> "info";
        2 -> "warning";
        3 -> "error"
    end.

message(K) when K rem 3 =:= 0 -> "connection closed";
message(K) when K rem 3 =:= 1 -> ["request ", "served"];
message(_) -> <<"timeout waiting for reply">>.

hash([], Acc) -> Acc;
hash([C | T], Acc) -> hash(T, (Acc * 31 + C) rem 1000000007).
