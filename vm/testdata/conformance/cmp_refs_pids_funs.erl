%% Comparisons involving refs, pids and funs (only booleans are returned).
-module(cmp_refs_pids_funs).
-export([start/0, f/0]).

f() -> ok.

start() ->
    R1 = make_ref(), R2 = make_ref(), P = self(),
    F1 = fun() -> 1 end, F2 = fun ?MODULE:f/0, F3 = fun ?MODULE:f/0,
    [{ref_self, R1 == R1, R1 =:= R1, R1 =/= R2, R1 == R2},
     {ref_order, (R1 < R2) orelse (R1 > R2)},
     {pid_self, P == self(), P =:= self()},
     {ref_lt_fun, R1 < F1}, {fun_lt_pid, F1 < P}, {ref_lt_pid, R1 < P},
     {num_lt_ref, 1.0e300 < R1}, {atom_lt_ref, zzz < R1},
     {pid_lt_tuple, P < {}}, {fun_lt_tuple, F2 < {}},
     {ext_fun_eq, F2 == F3, F2 =:= F3},
     {fun_self_eq, F1 == F1},
     {in_tuple, {R1, P} == {R1, P}, {R1, 1} < {R1, 2}},
     {is, is_reference(R1), is_pid(P), is_function(F1, 0), is_function(F2, 0)}].
