%% Strings (lists) vs binaries vs atoms: ordering and equality.
-module(cmp_strings_bins).
-export([start/0]).

start() ->
    Ps = [{"abc", <<"abc">>}, {abc, "abc"}, {"", <<>>}, {"abc", "abcd"},
          {"abc", "ab"}, {<<"abc">>, <<"ab">>}, {"Abc", "abc"},
          {[97, 98], "ab"}, {<<97, 98>>, <<"ab">>}, {"a" ++ "b", "ab"},
          {<<"ab", 0>>, <<"ab">>}, {"é", "e"}],
    [{A, B, A < B, A == B, A =:= B} || {A, B} <- id(Ps)].

id(X) -> X.
