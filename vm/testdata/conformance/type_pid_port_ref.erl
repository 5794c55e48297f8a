%% is_pid/is_port/is_reference on self(), make_ref(), list_to_* values and others.
-module(type_pid_port_ref).
-export([start/0]).

k(X) when is_pid(X) -> pid;
k(X) when is_port(X) -> port;
k(X) when is_reference(X) -> reference;
k(_) -> other.

start() ->
    Vs = [self(), make_ref(), list_to_pid("<0.1.0>"), list_to_port("#Port<0.1>"),
          list_to_ref("#Ref<0.1.2.3>"), "<0.1.0>", {pid}, 0, pid],
    [{kind, [k(V) || V <- Vs]},
     {fn, [{is_pid(V), is_port(V), is_reference(V)} || V <- Vs]},
     {self_eq, self() =:= list_to_pid(pid_to_list(self()))},
     {ref_eq, (fun(R) -> R =:= list_to_ref(ref_to_list(R)) end)(make_ref())},
     {port_list, port_to_list(list_to_port("#Port<0.42>"))},
     {pid_list, pid_to_list(list_to_pid("<0.42.0>"))}].
