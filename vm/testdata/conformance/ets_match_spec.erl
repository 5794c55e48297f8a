%% The match specification language, through ets:select/2, test_ms/2 and
%% match_spec_run/2: patterns, guards, bodies and the errors of malformed
%% specifications.
-module(ets_match_spec).
-export([start/0]).

err(F) -> try F() catch C:R -> {C, R} end.

run(Obj, MS) -> err(fun() -> ets:match_spec_run([Obj], ets:match_spec_compile(MS)) end).

guards() ->
    O = {1, 2.5, a, [x, y], <<"bin">>, #{k => v}, {t, 1}},
    P = {'$1', '$2', '$3', '$4', '$5', '$6', '$7'},
    Gs = [{is_atom, '$3'}, {is_atom, '$1'}, {is_float, '$2'}, {is_integer, '$1'}, {is_list, '$4'},
          {is_number, '$2'}, {is_pid, {self}}, {is_port, '$1'}, {is_reference, '$1'}, {is_tuple, '$7'},
          {is_map, '$6'}, {is_binary, '$5'}, {is_function, '$1'}, {is_record, '$7', t, 2},
          {is_record, '$7', t, 3}, {is_map_key, k, '$6'}, {is_map_key, z, '$6'},
          {'==', '$1', 1.0}, {'=:=', '$1', 1.0}, {'/=', '$1', 2}, {'=/=', '$1', 1}, {'<', '$1', '$3'},
          {'>', '$4', '$7'}, {'>=', '$2', 2.5}, {'=<', '$2', 2}, {'andalso', true, {is_atom, '$3'}},
          {'andalso', false, {'+', a, 1}}, {'orelse', true, {'+', a, 1}}, {'orelse', false, false},
          {'and', true, true, true}, {'and', false, {'+', a, 1}}, {'or', false, true}, {'not', false},
          {'not', '$1'}, {'xor', true, false}, {'xor', true, true}, {'andalso', true, 1},
          {'==', {element, 1, '$7'}, t}, {'==', {hd, '$4'}, x}, {'==', {tl, '$4'}, [y]},
          {'==', {size, '$5'}, 3}, {'==', {map_size, '$6'}, 1}, {'==', {map_get, k, '$6'}, v},
          {'==', {abs, {'-', '$1', 5}}, 4}, {'==', {'band', 12, 10}, 8}, {'==', {'bor', 12, 10}, 14},
          {'==', {length, '$4'}, 2}, {'==', {'+', '$1', '$2'}, 3.5}, {'==', {'div', 7, 2}, 3},
          {'==', {element, 9, '$7'}, x}, {'==', {self}, {self}}, {'==', {node}, nonode@nohost},
          {'==', {{'$1', '$3'}}, {const, {1, a}}}, '$3', true, false, {const, true}],
    [{G, run(O, [{P, [G], [yes]}])} || G <- Gs].

bodies() ->
    O = {k, 3, [1, 2]},
    P = {'$1', '$2', '$3'},
    Bs = ['$_', '$$', '$1', {{'$1', '$2'}}, {{}}, ['$1', '$2' | '$3'], #{key => '$2'},
          {const, '$1'}, {'+', '$2', 1}, {'-', '$2'}, {'*', '$2', 1.5}, {'/', '$2', 2},
          {'div', '$2', 2}, {'rem', '$2', 2}, {'bsl', 1, 70}, {'bnot', '$2'}, {'bxor', '$2', 1},
          {'bsr', 64, 2}, {round, 2.5}, {trunc, -2.5}, {float, '$2'}, {binary_part, <<1, 2, 3>>, 1, 2},
          {byte_size, <<1, 2>>}, {bit_size, <<1>>}, {element, 5, '$_'}, {hd, '$1'}, {'and', true, false},
          {'xor', '$2', true}, {'>', {{'$1'}}, 0}, {'orelse', false, '$2'}, '_', "string"],
    [{B, run(O, [{P, [], [B]}])} || B <- Bs] ++
    [{two_bodies, run(O, [{P, [], [{element, 9, '$_'}, last]}]), run(O, [{P, [], [first, {element, 9, '$_'}]}])},
     {clauses, run(O, [{{'$1', 4, '_'}, [], [first]}, {{'$1', '_', '_'}, [], [second]}])},
     {guard_error_next, run(O, [{'_', [{'>', {'+', a, 1}, 0}], [first]}, {'_', [], [second]}])},
     {map_pattern, run(#{a => 1, b => 2}, [{#{a => '$1'}, [], ['$1']}]), run(#{b => 2}, [{#{a => '$1'}, [], ['$1']}])},
     {list_pattern, run([1, 2, 3], [{['$1' | '$2'], [], [{{'$1', '$2'}}]}])},
     {repeat_var, run({1, 1}, [{{'$1', '$1'}, [], [same]}]), run({1, 2}, [{{'$1', '$1'}, [], [same]}]),
                  run({1, 1.0}, [{{'$1', '$1'}, [], [same]}])},
     {exact_match, run({1.0}, [{{1}, [], [yes]}]), run({<<"b">>}, [{{<<"b">>}, [], [yes]}])},
     {match_spec_run, ets:match_spec_run([{a, 1}, {b, 2}, c, {d, x}], ets:match_spec_compile([{{'$1', '$2'}, [{is_integer, '$2'}], ['$1']}]))},
     {is_compiled, ets:is_compiled_ms(ets:match_spec_compile([{'_', [], [true]}])), ets:is_compiled_ms(foo)}].

errors() ->
    Bad = [foo, [foo], [{'_', [], []}], [{'_', {}, [a]}], [{'_', [], a}], [{'$1', [], ['$2']}],
           [{{'$1'}, [{'==', '$1', '$2'}], [true]}], [{'_', [], [{foo, 1}]}], [{'_', [], [{element, 1}]}],
           [{'_', [{'and'}], [a]}], [{#{'$1' => 1}, [], [a]}], [{'_', [], [{'$1'}]}],
           [{'_', [], [{is_atom, a, b}]}], [{'_', [], [{{a}, b}]}], [{a, b}], [{'_', [], [a]} | b],
           [{'_', [], [{const, a, b}]}], [{'_', [], [{{a, {b}}}]}],
           [{'_', [], [{1, 2}]}]],
    [{B, err(fun() -> ets:match_spec_compile(B), compiled end), ets:test_ms({a, b}, B)} || B <- Bad].

test_ms() ->
    [ets:test_ms({a, 1}, [{{'$1', '$2'}, [], ['$_', '$$', {{'$2'}}]}]),
     ets:test_ms({a, 1}, [{{'$1', '$2'}, [{'>', '$2', 5}], [yes]}]),
     ets:test_ms({a, 1}, [{'$1', [], [{element, 5, '$1'}]}]),
     ets:test_ms({a, 1}, [])].

select_errors() ->
    T = ets:new(t, [set]),
    ets:insert(T, {a, 1}),
    [err(fun() -> ets:select(T, [{'$1', [], ['$2']}]) end),
     err(fun() -> ets:select(T, not_a_spec) end),
     err(fun() -> ets:select(no_such_table, []) end),
     err(fun() -> ets:select(T, [{'_', [], [true]}], 0) end),
     err(fun() -> ets:select(bad_continuation) end),
     ets:select(T, []),
     ets:select(T, [{foo, [], [true]}]),
     ets:select(T, [{{'_'}, [], [true]}]),
     ets:select(T, [{'_', [], [{element, 5, '$_'}]}]),
     err(fun() -> ets:match(T, {#{'$1' => 1}}) end)].

start() ->
    [{guards, guards()}, {bodies, bodies()}, {errors, errors()}, {test_ms, test_ms()},
     {select_errors, select_errors()}].
