%% node/0,1 and is_alive/0 in a non-distributed node (compared, not returned).
-module(bif_node).
-export([start/0]).

start() ->
    [{node0, node() =:= nonode@nohost},
     {node_self, node(self()) =:= nonode@nohost},
     {node_ref, node(make_ref()) =:= nonode@nohost},
     {node_atom, is_atom(node())},
     {alive, is_alive()},
     {nodes, nodes()},
     {bad, try node(id(a)) catch C:R -> {C, R} end}].

id(X) -> X.
