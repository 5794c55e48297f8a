%% Keys of mixed types: 1 vs 1.0, atoms, tuples, lists, binaries, bignums, nested terms.
-module(map_mixed_keys).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

get(K, M) ->
    case M of
        #{K := V} -> V;
        #{} -> missing
    end.

start() ->
    Big = 1 bsl 100,
    M = #{1 => int, 1.0 => float, one => atom, {1} => tuple, [1] => list, <<1>> => bin,
          Big => big, -1 => neg, <<>> => empty_bin, {} => empty_tuple, "1" => str},
    Keys = [1, 1.0, one, {1}, [1], <<1>>, Big, -1, <<>>, {}, "1", 2, 1.5, {1.0}, <<1:7>>],
    [{size, map_size(M)},
     {gets, [{K, get(K, M)} || K <- Keys]},
     {float_int_distinct, map_size(#{1 => a, 1.0 => b}), map_size(#{1.0 => a, 1.0 => b})},
     {upd_float, get(1, M#{1.0 := changed}), get(1.0, M#{1.0 := changed})},
     {exact_int_vs_float, try M#{2.0 := x} catch error:E -> E end},
     {tuple_float, get({1.0}, #{{1} => a}), get({1.0}, #{{1.0} => b})},
     {bin_keys, get(<<"abc">>, #{<<"abc">> => yes}), get(<<"ab">>, #{<<"abc">> => yes})},
     {bitstring_key, get(<<1:7>>, #{<<1:7>> => bits})},
     {literal_match, case M of #{1 := A, 1.0 := B, "1" := C} -> {A, B, C} end}].
