%% is_record/2,3 as guards and as functions on records and lookalike tuples.
-module(type_is_record).
-export([start/0]).

-record(point, {x = 0, y = 0}).
-record(empty, {}).

k(R) when is_record(R, point) -> point;
k(R) when is_record(R, empty) -> empty;
k(_) -> other.

k3(R) when is_record(R, point, 3) -> point3;
k3(_) -> other.

start() ->
    P = #point{x = 1}, E = #empty{},
    Vs = [P, E, {point, 1, 2}, {point, 1}, {point}, {empty}, {other, 1, 2},
          point, [point, 1, 2], {}, {{point}, 1, 2}],
    [{guard2, [k(V) || V <- Vs]},
     {guard3, [k3(V) || V <- Vs]},
     {fn2, [is_record(V, point) || V <- Vs]},
     {fn3, [is_record(V, point, 3) || V <- Vs]},
     {fn3_wrong_size, is_record(P, point, 2)},
     {dyn, is_record(id(P), id(point)), is_record(id(P), id(point), id(3))},
     {empty_rec, is_record(E, empty), is_record(E, empty, 1)},
     {bad_tag, try is_record(P, id(3)) catch C:R -> {C, R} end},
     {bad_size, try is_record(P, point, id(x)) catch C2:R2 -> {C2, R2} end},
     {rec, P, E, #point.y, P#point.x}].

id(X) -> X.
