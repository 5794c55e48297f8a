%% Records: creation with defaults, field access, updates, #rec.field index, is_record.
-module(tuple_records).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

-record(point, {x = 0, y = 0}).
-record(person, {name, age = 18, email = "none", tags = [], meta}).
-record(empty, {}).

older(P = #person{age = A}) -> P#person{age = A + 1}.

rename(P, N) -> P#person{name = N, email = N ++ "@x", tags = [renamed | P#person.tags]}.

kind(#point{}) -> point;
kind(#person{}) -> person;
kind(#empty{}) -> empty;
kind(_) -> other.

start() ->
    P0 = #point{},
    P1 = #point{x = 3},
    Pe = #person{name = "bob"},
    [{defaults, P0, P1, Pe, #empty{}},
     {access, P1#point.x, P1#point.y, Pe#person.age},
     {index, #point.x, #point.y, #person.meta},
     {info, record_info(size, person), record_info(fields, point)},
     {older, older(Pe)},
     {rename, rename(Pe, "al")},
     {update1, P1#point{y = 7}},
     {is_record, is_record(P1, point), is_record(P1, person), is_record({point, 1}, point),
      is_record(P1, point, 3), is_record(foo, point)},
     {guard, [kind(X) || X <- [P0, Pe, #empty{}, {point}, {point, 1, 2, 3}]]},
     {match, begin #point{x = X, y = Y} = #point{x = 10, y = 20}, X + Y end},
     {element, element(1, Pe), element(#person.name, Pe)},
     {tuple_eq, P1 =:= {point, 3, 0}},
     {all_fields_default, #person{_ = z}}].
