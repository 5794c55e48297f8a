%% Type-test BIFs called as ordinary functions (direct, erlang:F and apply).
-module(type_bifs_as_functions).
-export([start/0]).

tests() -> [is_atom, is_binary, is_bitstring, is_boolean, is_float, is_function,
            is_integer, is_list, is_map, is_number, is_pid, is_port,
            is_reference, is_tuple].

vals() -> [42, -1.0, false, nil, "str", <<"b">>, <<7:3>>, {a, b}, #{k => v},
           fun lists_free/1, self(), make_ref(), [a | b]].

lists_free(X) -> X.

start() ->
    Direct = [[is_atom(V), is_binary(V), is_bitstring(V), is_boolean(V),
               is_float(V), is_function(V), is_integer(V), is_list(V),
               is_map(V), is_number(V), is_pid(V), is_port(V),
               is_reference(V), is_tuple(V)] || V <- vals()],
    Applied = [[apply(erlang, T, [V]) || T <- tests()] || V <- vals()],
    Remote = [[erlang:is_atom(V), erlang:is_tuple(V), erlang:is_list(V)] || V <- vals()],
    [{direct, Direct}, {same, Direct =:= Applied}, {remote, Remote}].
