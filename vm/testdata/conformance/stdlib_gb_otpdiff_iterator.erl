%% The iterators of gb_trees and gb_sets printed as they are: through
%% OTP 25 a stack of tree nodes, since OTP 26 (which added reversed
%% iterators) {ordered, Stack}. avm's bundled modules follow OTP 25.
-module(stdlib_gb_otpdiff_iterator).
-export([start/0]).

start() ->
    T = gb_trees:from_orddict([{a, 1}, {b, 2}, {c, 3}, {d, 4}, {e, 5}]),
    S = gb_sets:from_list([5, 3, 9, 1, 7]),
    [{gb_trees, gb_trees:iterator(T), gb_trees:iterator_from(c, T), gb_trees:iterator(gb_trees:empty()),
      element(3, gb_trees:next(gb_trees:iterator(T)))},
     {gb_sets, gb_sets:iterator(S), gb_sets:iterator_from(4, S), gb_sets:iterator(gb_sets:empty()),
      element(2, gb_sets:next(gb_sets:iterator(S)))}].
