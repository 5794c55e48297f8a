#!/usr/bin/env escript
%% Oracle for the numtext cross-check test (oracle_test.go), run only when
%% NUMTEXT_ORACLE=1. Reads request lines from the file given as first
%% argument and writes one answer line per request to the second.
%%
%% Requests (fields separated by a single space):
%%   F <hexbits> <op> <op> ...   float formatting; answers are tab separated
%%   P <hexbytes>                list_to_float and binary_to_float
%%   I <base> <hexbytes>         list_to_integer/2 and binary_to_integer/2
%%   N <base> <decimal>          integer_to_list/2 and integer_to_binary/2
%%   D <hexbits>                 erlang:display (answer written by display)
%% Float ops: s short, l float_to_list/1, e<P> f<P> g<P> io_lib ~.P[efg],
%% o<opts> float_to_list(F, Opts) with Opts a comma separated list of
%% c (compact), s (short), d<N> ({decimals,N}), x<N> ({scientific,N}).
main([In, Out]) ->
    {ok, Bin} = file:read_file(In),
    Lines = [L || L <- binary:split(Bin, <<"\n">>, [global]), L =/= <<>>],
    {ok, Fd} = file:open(Out, [write, raw, delayed_write]),
    [ok = file:write(Fd, [answer(string:split(binary_to_list(L), " ", all)), $\n])
     || L <- Lines],
    ok = file:close(Fd).

answer(["F", Hex | Ops]) ->
    <<F/float>> = <<(list_to_integer(Hex, 16)):64>>,
    lists:join($\t, [op(F, Op) || Op <- Ops]);
answer(["P", Hex]) ->
    S = unhex(Hex),
    [res(fun() -> fbits(list_to_float(S)) end), $\t,
     res(fun() -> fbits(binary_to_float(list_to_binary(S))) end)];
answer(["I", B, Hex]) ->
    S = unhex(Hex), Base = list_to_integer(B),
    [res(fun() -> integer_to_list(list_to_integer(S, Base)) end), $\t,
     res(fun() -> integer_to_list(binary_to_integer(list_to_binary(S), Base)) end)];
answer(["N", B, Dec]) ->
    I = list_to_integer(Dec), Base = list_to_integer(B),
    [res(fun() -> integer_to_list(I, Base) end), $\t,
     res(fun() -> binary_to_list(integer_to_binary(I, Base)) end)];
answer(["D", Hex]) ->
    <<F/float>> = <<(list_to_integer(Hex, 16)):64>>,
    erlang:display(F),
    "".

op(F, "s") -> res(fun() -> float_to_list(F, [short]) end);
op(F, "l") -> res(fun() -> float_to_list(F) end);
op(F, [$e | P]) -> res(fun() -> lists:flatten(io_lib:format("~." ++ P ++ "e", [F])) end);
op(F, [$f | P]) -> res(fun() -> lists:flatten(io_lib:format("~." ++ P ++ "f", [F])) end);
op(F, [$g | P]) -> res(fun() -> lists:flatten(io_lib:format("~." ++ P ++ "g", [F])) end);
op(F, [$o | Os]) ->
    Opts = [opt(O) || O <- string:split(Os, ",", all)],
    L = res(fun() -> float_to_list(F, Opts) end),
    B = res(fun() -> binary_to_list(float_to_binary(F, Opts)) end),
    case L =:= B of
        true -> L;
        false -> "MISMATCH"
    end.

opt("c") -> compact;
opt("s") -> short;
opt([$d | N]) -> {decimals, list_to_integer(N)};
opt([$x | N]) -> {scientific, list_to_integer(N)}.

res(Fun) ->
    try Fun() catch error:badarg -> "!badarg" end.

fbits(F) -> <<B:64>> = <<F/float>>, integer_to_list(B, 16).

unhex([]) -> [];
unhex([A, B | T]) -> [list_to_integer([A, B], 16) | unhex(T)].
