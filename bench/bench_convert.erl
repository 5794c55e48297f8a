%% Conversions between numbers and text: integer_to_list/list_to_integer
%% (also in base 16 and as binaries), float_to_list/list_to_float in the
%% default and {decimals, N} forms, and atoms to and from lists and binaries.
-module(bench_convert).
-export([start/0, run/0]).

%% start/0 repeats run/0 and checks that every run returns the same.
start() -> repeat(100, run()).

repeat(1, R) -> R;
repeat(K, R) -> R = run(), repeat(K - 1, R).

run() -> {ints(3000, 0), floats(1500, 0), atoms(1000, 0)}.

ints(0, Acc) -> Acc;
ints(K, Acc) ->
    N = K * 7919 - 12000000,
    L = integer_to_list(N),
    N = list_to_integer(L),
    H = integer_to_list(N, 16),
    N = list_to_integer(H, 16),
    B = integer_to_binary(N * 1000003),
    M = binary_to_integer(B),
    ints(K - 1, (Acc + length(L) + length(H) + byte_size(B) + M rem 1000) rem 1000000007).

floats(0, Acc) -> Acc;
floats(K, Acc) ->
    F = K * 1.37 - 900.5,
    L = float_to_list(F),
    F = list_to_float(L),
    D = float_to_list(F, [{decimals, 3}]),
    B = float_to_binary(F / 7, [{decimals, 6}, compact]),
    floats(K - 1, Acc + length(L) + length(D) + byte_size(B) + round(list_to_float(D))).

atoms(0, Acc) -> Acc;
atoms(K, Acc) ->
    A = list_to_atom("key_" ++ integer_to_list(K rem 100)),
    S = atom_to_list(A),
    B = atom_to_binary(A, utf8),
    A = binary_to_atom(B, utf8),
    atoms(K - 1, Acc + length(S) + byte_size(B)).
