%% proplists: the whole API on one property list, with errors.
-module(stdlib_proplists).
-export([start/0]).

t(F) -> try F() catch error:R -> {error, R} end.

id(X) -> X.

start() ->
    P = id([{a, 1}, b, {c, [x]}, {a, 2}, "junk", {d}, {e, 1, 2}, {c, [y, z]},
            {f, true}, {g, false}, 7, {"s", 1}]),
    [{lookup, proplists:lookup(a, P), proplists:lookup(b, P), proplists:lookup(d, P),
      proplists:lookup(zz, P), proplists:lookup(1, [{1.0, x}, {1, y}]),
      t(fun() -> proplists:lookup(a, id(foo)) end)},
     {lookup_all, proplists:lookup_all(a, P), proplists:lookup_all(b, P),
      proplists:lookup_all(zz, P)},
     {is_defined, proplists:is_defined(d, P), proplists:is_defined(zz, P),
      proplists:is_defined(a, id([{a, 1} | foo]))},
     {get_value, proplists:get_value(a, P), proplists:get_value(b, P),
      proplists:get_value(d, P), proplists:get_value(e, P, dflt),
      proplists:get_value(zz, P), proplists:get_value(zz, P, dflt),
      proplists:get_value("s", P), t(fun() -> proplists:get_value(a, id([x | foo])) end)},
     {get_all_values, proplists:get_all_values(a, P), proplists:get_all_values(c, P),
      proplists:get_all_values(b, P), proplists:get_all_values(d, P)},
     {append_values, proplists:append_values(c, P), proplists:append_values(a, P),
      proplists:append_values(b, P), t(fun() -> proplists:append_values(a, [{a, [x | y]}]) end)},
     {get_bool, proplists:get_bool(b, P), proplists:get_bool(f, P), proplists:get_bool(g, P),
      proplists:get_bool(a, P), proplists:get_bool(zz, P)},
     {get_keys, lists:sort(proplists:get_keys(P)), proplists:get_keys([])},
     {delete, proplists:delete(a, P), proplists:delete(zz, [a])},
     {property, proplists:property({a, true}), proplists:property({a, 1}),
      proplists:property({"a", true}), proplists:property(a, true), proplists:property(a, false),
      proplists:property("a", true)},
     {unfold_compact, proplists:unfold(P), proplists:compact(proplists:unfold(P)),
      t(fun() -> proplists:compact(id(foo)) end), t(fun() -> proplists:unfold(id(foo)) end)},
     {aliases, proplists:substitute_aliases([{a, alpha}, {b, beta}, {a, other}], P),
      proplists:substitute_aliases([{a, "x"}], [a, {a, true}, {a, 1}])},
     {negations, proplists:substitute_negations([{f, no_f}, {g, no_g}, {b, no_b}, {a, no_a}], P)},
     {expand, proplists:expand([{b, [b1, b2]}, {{f, true}, [f1]}, {{a, 9}, [nine]}], P),
      proplists:expand([{foo, [bar, baz]}], [fie, foo, fum]),
      proplists:expand([{{foo, false}, [bar, baz]}], [{foo, false}, fie, foo, fum]),
      proplists:expand([{a, [b]}, {b, [c]}], [b, a, x]),
      proplists:expand([{d, [e]}, {{d, [1]}, [f]}], [{d, [1]}])},
     {normalize, proplists:normalize([a, {b, 1}, c, {d, false}],
                                     [{aliases, [{a, aa}]}, {negations, [{d, nd}]},
                                      {expand, [{c, [x, y]}]}]),
      proplists:normalize([{a, true}, {b, false}], []),
      t(fun() -> proplists:normalize([a], [{bad, 1}]) end)},
     {split, proplists:split(P, [a, c, zz]), proplists:split([], [a]),
      proplists:split([a, b, {b, 1}], [b, b])},
     {maps, proplists:to_map(P), proplists:to_map([]),
      proplists:to_map([a, {b, 1}, {c, true}], [{negations, [{a, na}]}, {aliases, [{b, bb}]}]),
      proplists:from_map(#{k => v, 1 => 2}), proplists:from_map(#{}),
      t(fun() -> proplists:to_map(id(foo)) end)}].
