%% Maps inside records and lists, and map-based state updates.
-module(map_in_records).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

-record(st, {vars = #{}, stack = []}).

exec([], S) -> S;
exec([{set, K, V} | T], S = #st{vars = Vs}) -> exec(T, S#st{vars = Vs#{K => V}});
exec([{push, K} | T], S = #st{vars = Vs, stack = St}) -> exec(T, S#st{stack = [map_get(K, Vs) | St]});
exec([add | T], S = #st{stack = [A, B | St]}) -> exec(T, S#st{stack = [A + B | St]});
exec([{store, K} | T], S = #st{vars = Vs, stack = [A | St]}) ->
    exec(T, S#st{vars = Vs#{K := A}, stack = St}).

start() ->
    Prog = [{set, 1, 10}, {set, 2, 32}, {set, 3, 0}, {push, 1}, {push, 2}, add, {store, 3}],
    S = exec(Prog, #st{}),
    Bad = try exec([{store, 9}], #st{stack = [1]}) catch error:E -> E end,
    [{state, S},
     {bad, Bad},
     {list_of_maps, [map_get(v, M) || M <- [#{v => 1}, #{v => 2, w => 0}]]}].
