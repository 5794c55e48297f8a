%% binary_to_term(term_to_binary(X)) round trips for many kinds of terms.
-module(bif_t2b_roundtrip).
-export([start/0]).

rt(X) -> binary_to_term(term_to_binary(X)).
rtc(X) -> binary_to_term(term_to_binary(X, [compressed])).
rt2(X) -> binary_to_term(term_to_binary(X, [{minor_version, 2}])).

start() ->
    Big = seq(1, 100), Zeros = [{0, 0} || _ <- seq(1, 1000)],
    Ts = [0, -1, 1 bsl 59, -(1 bsl 80), 1 bsl 1000, 3.14, -0.5, a, 'A b', '',
          list_to_atom([8364, 97]), [], "str", [1 | 2], {}, {a, {b, [c]}},
          <<>>, <<"bin">>, <<1:5>>, #{}, #{a => [1], {k} => #{n => 1}},
          [{x, 1.0e100} | Big], list_to_tuple(Big),
          maps_from(seq(1, 40))],
    R = [{I, rt(T) =:= T, rtc(T) =:= T, rt2(T) =:= T} || {I, T} <- number(id(Ts), 1)],
    Pid = self(), Ref = make_ref(), F = fun ?MODULE:start/0,
    [{terms, R},
     {pid, rt(Pid) =:= Pid}, {ref, rt(Ref) =:= Ref}, {ext_fun, rt(F) =:= F},
     {compressed_smaller, byte_size(term_to_binary(Zeros, [compressed])) <
          byte_size(term_to_binary(Zeros))},
     {compressed_rt, binary_to_term(term_to_binary(Zeros, [compressed])) =:= Zeros}].

number([], _) -> [];
number([H | T], N) -> [{N, H} | number(T, N + 1)].

maps_from(L) -> maps_from(L, #{}).
maps_from([], M) -> M;
maps_from([H | T], M) -> maps_from(T, M#{H => H * H}).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

id(X) -> X.
