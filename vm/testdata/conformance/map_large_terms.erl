%% Large maps as terms: literals in code, term order and equality,
%% 1 versus 1.0 keys, maps as keys, external format, messages, and old
%% versions kept while a process builds and collects garbage.
-module(map_large_terms).
-export([start/0]).

-define(LIT, #{a1 => 1, a2 => 2, a3 => 3, a4 => 4, a5 => 5, a6 => 6, a7 => 7, a8 => 8,
               a9 => 9, a10 => 10, a11 => 11, a12 => 12, a13 => 13, a14 => 14, a15 => 15,
               a16 => 16, a17 => 17, a18 => 18, a19 => 19, a20 => 20, a21 => 21, a22 => 22,
               a23 => 23, a24 => 24, a25 => 25, a26 => 26, a27 => 27, a28 => 28, a29 => 29,
               a30 => 30, a31 => 31, a32 => 32, a33 => 33, a34 => 34, a35 => 35, 1 => int,
               1.0 => float, {t, 1} => tuple, <<"b">> => bin, [l] => list}).

ints(N) -> maps:from_list([{I, I * I} || I <- lists:seq(1, N)]).

start() ->
    L = ?LIT,
    L2 = L#{a1 := one, new => 36},
    Big = ints(500),
    Msg = self() ! {msg, Big, L2},
    Got = receive {msg, _, _} = X -> X end,
    [{literal, map_size(L), maps:get(1, L), maps:get(1.0, L), maps:get(a35, L),
      maps:get({t, 1}, L), maps:get(<<"b">>, L), maps:get([l], L)},
     {literal_match, case L of #{a7 := A7, 1 := I, 1.0 := F} -> {A7, I, F} end},
     {literal_update, map_size(L2), maps:get(a1, L2), maps:get(a1, L), L2 =:= L},
     {literal_remove, map_size(maps:without([a1, a2, a3, a4, a5, a6, a7, a8], L))},
     {int_float, maps:is_key(2, Big), maps:is_key(2.0, Big), ints(40) == maps:put(40, 1600, ints(39)),
      ints(40) =:= maps:put(40.0, 1600, ints(39)), ints(40) == maps:put(40.0, 1600, ints(39))},
     {order, ints(33) < ints(34), ints(50) > ints(40), lists:sort([ints(60), ints(33), #{}, ints(45), ints(32)]) =:=
      [#{}, ints(32), ints(33), ints(45), ints(60)]},
     {order_values, Big < Big#{500 := 0}, Big > Big#{1 := 0}, Big =:= (Big#{7 := 0})#{7 := 49}},
     {order_keys, ints(40) < maps:put(41, 0, maps:remove(40, ints(40))), maps:put(41, 0, ints(40)) < maps:put(40.5, 0, ints(40))},
     {as_key, maps:get(ints(40), #{ints(40) => yes, ints(41) => no}), maps:get(ints(41), maps:from_list([{ints(N), N} || N <- lists:seq(30, 40)] ++ [{ints(41), last}]))},
     {etf, binary_to_term(term_to_binary(Big)) =:= Big, binary_to_term(term_to_binary(L2)) =:= L2,
      binary_to_term(term_to_binary(Big, [deterministic])) =:= Big, byte_size(term_to_binary(Big, [deterministic]))},
     {message, Got =:= {msg, Big, L2}, Msg =:= Got},
     {process, run_in_process()},
     {shrink, shrink(ints(100), 100)},
     {merge, map_size(maps:merge(ints(300), maps:from_list([{I, x} || I <- lists:seq(250, 400)]))),
      maps:get(260, maps:merge(ints(300), #{260 => x})), maps:get(260, maps:merge(#{260 => x}, ints(300)))},
     {funs, lists:sum(maps:values(maps:map(fun(_, V) -> V rem 7 end, Big))),
      map_size(maps:filter(fun(K, _) -> K rem 3 =:= 0 end, Big)),
      lists:sort(maps:to_list(maps:with([3, 300, 501, 499], Big)))}].

%% Removing keys one by one back down to an empty map.
shrink(M, 0) -> {map_size(M), M =:= #{}};
shrink(M, N) ->
    M1 = maps:remove(N, M),
    case map_size(M1) =:= N - 1 andalso not maps:is_key(N, M1) andalso maps:get(1, M1, none) =/= 0 of
        true -> shrink(M1, N - 1);
        false -> {bad, N}
    end.

%% A process keeps every tenth version of a map it grows to 3000 keys, with
%% garbage made in between, and sends back what the versions still hold.
run_in_process() ->
    Parent = self(),
    Pid = spawn(fun() -> Parent ! {self(), versions(1, #{}, [])} end),
    receive
        {Pid, Versions} ->
            {length(Versions),
             lists:all(fun({N, M}) -> map_size(M) =:= N andalso maps:get(N, M) =:= N * 3 andalso
                                      not maps:is_key(N + 1, M) end, Versions),
             lists:sum([maps:get(1, M) || {_, M} <- Versions])}
    end.

versions(3001, _, Acc) -> Acc;
versions(N, M, Acc) ->
    M1 = M#{N => N * 3},
    _Garbage = lists:seq(1, 20),
    Acc1 = case N rem 10 of 0 -> [{N, M1} | Acc]; _ -> Acc end,
    versions(N + 1, M1, Acc1).
