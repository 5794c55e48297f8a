%% erts_debug: flat_size/1, the heap words a term takes, counted as OTP 25's
%% 64-bit emulator lays terms out: immediates (small integers, atoms, local
%% pids and ports, [], {}) take none, a cons 2 words, a tuple 1 + its size,
%% a float 2, a bignum 1 + its 64-bit digits, a reference 3, a map of up to
%% 32 keys 3 + its size plus its key tuple, a binary of up to 64 bytes 2 + its
%% 64-bit words and a larger one a 6-word reference to off-heap bytes. Funs
%% and the hash-trie maps of more than 32 keys are estimated.
-module(erts_debug).

-export([flat_size/1]).

flat_size(T) when is_integer(T) -> integer_size(T);
flat_size(T) when is_atom(T); is_pid(T); is_port(T); T =:= []; T =:= {} -> 0;
flat_size([H | T]) -> 2 + flat_size(H) + flat_size(T);
flat_size(T) when is_tuple(T) ->
    lists:foldl(fun(E, N) -> N + flat_size(E) end, 1 + tuple_size(T), tuple_to_list(T));
flat_size(T) when is_float(T) -> 2;
flat_size(T) when is_reference(T) -> 3;
flat_size(T) when is_binary(T) -> binary_size(byte_size(T));
flat_size(T) when is_bitstring(T) -> 4 + binary_size(byte_size(T));
flat_size(T) when is_map(T) ->
    N = map_size(T),
    Keys = case N of
               0 -> 0;
               _ -> 1 + N
           end,
    maps:fold(fun(K, V, Acc) -> Acc + flat_size(K) + flat_size(V) end, 3 + N + Keys, T);
flat_size(T) when is_function(T) ->
    case erlang:fun_info(T, type) of
        {type, external} -> 5;
        {type, local} ->
            {env, Env} = erlang:fun_info(T, env),
            lists:foldl(fun(E, N) -> N + flat_size(E) end, 6 + length(Env), Env)
    end.

%% Small integers (60 bits in OTP) are immediate.
integer_size(I) when I >= -(1 bsl 59), I < 1 bsl 59 -> 0;
integer_size(I) -> 1 + digits(abs(I)).

digits(0) -> 0;
digits(I) -> 1 + digits(I bsr 64).

binary_size(Bytes) when Bytes =< 64 -> 2 + (Bytes + 7) div 8;
binary_size(_) -> 6.
