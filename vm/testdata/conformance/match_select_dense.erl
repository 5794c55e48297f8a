%% select_val on dense integer ranges and atoms with many branches (jump tables).
-module(match_select_dense).
-export([start/0]).
-compile([export_all, nowarn_export_all]).

day(1) -> mon; day(2) -> tue; day(3) -> wed; day(4) -> thu; day(5) -> fri;
day(6) -> sat; day(7) -> sun; day(_) -> bad.

num(mon) -> 1; num(tue) -> 2; num(wed) -> 3; num(thu) -> 4; num(fri) -> 5;
num(sat) -> 6; num(sun) -> 7; num(_) -> 0.

digit(X) ->
    case X of
        0 -> zero; 1 -> one; 2 -> two; 3 -> three; 4 -> four;
        5 -> five; 6 -> six; 7 -> seven; 8 -> eight; 9 -> nine;
        10 -> ten; 11 -> eleven; 12 -> twelve; 13 -> thirteen; 14 -> fourteen;
        15 -> fifteen; 16 -> sixteen; 17 -> seventeen; 18 -> eighteen; 19 -> nineteen;
        _ -> many
    end.

neg(X) ->
    case X of -3 -> m3; -2 -> m2; -1 -> m1; 0 -> z; 1 -> p1; 2 -> p2; 3 -> p3; _ -> other end.

start() ->
    [{day, [day(N) || N <- [0, 1, 2, 3, 4, 5, 6, 7, 8, 1.0, a]]},
     {num, [num(A) || A <- [mon, tue, wed, thu, fri, sat, sun, moon, 1]]},
     {digit, [digit(N) || N <- [0, 5, 9, 10, 15, 19, 20, -1, 3.0, x]]},
     {neg, [neg(N) || N <- [-4, -3, -2, -1, 0, 1, 2, 3, 4]]}].
