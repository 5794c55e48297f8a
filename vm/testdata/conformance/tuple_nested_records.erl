%% Nested records, record fields holding records/lists/funs, record in list comprehension.
-module(tuple_nested_records).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

-record(addr, {street = "", city = "nowhere"}).
-record(emp, {name, addr = #addr{}, salary = 0, boss}).

raise(E = #emp{salary = S}, Pct) -> E#emp{salary = S + S * Pct div 100}.

move(E, City) -> E#emp{addr = (E#emp.addr)#addr{city = City}}.

city(#emp{addr = #addr{city = C}}) -> C.

start() ->
    E1 = #emp{name = ann, salary = 1000},
    E2 = #emp{name = bob, salary = 2000, boss = E1},
    Es = [E1, E2, #emp{name = cy, salary = 1500, boss = E2}],
    [{e1, E1},
     {raise, raise(E1, 10)},
     {move, move(E1, "paris")},
     {city, city(move(E2, "rome")), city(E2)},
     {boss_name, (E2#emp.boss)#emp.name},
     {rich, [N || #emp{name = N, salary = S} <- Es, S > 1200]},
     {total, sum([S || #emp{salary = S} <- Es])},
     {nested_access, ((E2#emp.boss)#emp.addr)#addr.city}].

sum([]) -> 0;
sum([H | T]) -> H + sum(T).
