%% Ordering of ports (built with list_to_port) against refs, funs, pids and tuples.
-module(cmp_port_order).
-export([start/0]).

start() ->
    P = list_to_port(id("#Port<0.5>")), P2 = list_to_port(id("#Port<0.7>")),
    R = make_ref(), F = fun() -> ok end, Pid = self(),
    [{is_port, is_port(P), is_port(Pid)},
     {ref_lt_port, R < P}, {fun_lt_port, F < P}, {port_lt_pid, P < Pid},
     {port_lt_tuple, P < {}}, {num_lt_port, 1 < P}, {atom_lt_port, zz < P},
     {ports, P < P2, P == P2, P =:= list_to_port("#Port<0.5>")},
     {bad, try list_to_port(id("#Port<0>")) catch C:E -> {C, E} end}].

id(X) -> X.
