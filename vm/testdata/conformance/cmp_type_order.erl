%% Term order across types: number < atom < reference < fun < pid < tuple < map < nil < list < bitstring.
-module(cmp_type_order).
-export([start/0]).

pairs([]) -> [];
pairs([{N, X} | T]) -> [{N, M, X < Y, X > Y, X == Y} || {M, Y} <- T] ++ pairs(T).

start() ->
    Vs = [{int, 1}, {float, 2.5}, {big, 1 bsl 80}, {atom, abc},
          {ref, make_ref()}, {'fun', fun() -> ok end}, {pid, self()},
          {tuple, {1}}, {map, #{a => 1}}, {nil, []}, {list, [1]},
          {bin, <<1>>}, {bits, <<1:3>>}],
    pairs(Vs).
