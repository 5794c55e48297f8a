%% term_to_binary/2 with {minor_version,2} (UTF-8 atoms) for atoms, maps, records.
-module(bif_t2b_atoms_maps).
-export([start/0]).

e(T) -> term_to_binary(T, [{minor_version, 2}]).

start() ->
    Ts = [{a, a}, {true, true}, {empty, ''}, {space, 'hello world'},
          {latin1, list_to_atom([233])}, {euro, list_to_atom([8364])},
          {tuple, {ok, 1}}, {list, [a, b]}, {map0, #{}}, {map1, #{a => 1}},
          {map3, #{b => 2, a => 1, 1 => x}}, {map_mixed, #{[1] => {t}, 1.0 => f}},
          {record, {point, 1.5, -2}}],
    [{N, e(T)} || {N, T} <- id(Ts)] ++
    [{v1_float, term_to_binary(1.5, [{minor_version, 1}])},
     {v0_float_len, byte_size(term_to_binary(1.5, [{minor_version, 0}]))}].

id(X) -> X.
