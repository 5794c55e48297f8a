%% Map ordering: by size, then keys (ints before floats), then values.
-module(cmp_maps).
-export([start/0]).

start() ->
    Ps = [{#{}, #{a => 1}}, {#{z => 1}, #{a => 1, b => 2}}, {#{a => 1}, #{b => 1}},
          {#{a => 2}, #{a => 1}}, {#{a => 1}, #{a => 1.0}}, {#{1 => a}, #{1.0 => a}},
          {#{1.0 => a}, #{2 => a}}, {#{a => 1, b => 2}, #{a => 2, b => 1}},
          {#{a => 1, b => 2}, #{b => 2, a => 1}}, {#{x => []}, #{x => {}}},
          {#{}, {}}, {#{}, []}, {#{1 => 1}, #{1 => 1}}],
    [{A, B, A < B, A > B, A == B, A =:= B} || {A, B} <- id(Ps)].

id(X) -> X.
