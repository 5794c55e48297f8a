%% binary_to_integer/1,2 on valid and invalid binaries and bases.
-module(bif_binary_to_integer).
-export([start/0]).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    B1 = [<<"0">>, <<"42">>, <<"-42">>, <<"+42">>, <<"-0">>,
          <<"99999999999999999999999999">>, <<"-576460752303423489">>,
          <<>>, <<"4 2">>, <<"0x10">>, <<"1e3">>, <<"42", 0>>, <<1:1>>, "42"],
    B2 = [{<<"ff">>, 16}, {<<"-10">>, 2}, {<<"Zz">>, 36}, {<<"8">>, 8},
          {<<"7fffffffffffffff">>, 16}, {<<"10000000000000000">>, 16},
          {<<"1">>, 0}],
    [{b2i, [{B, t(fun() -> binary_to_integer(B) end)} || B <- id(B1)]},
     {b2i_base, [{B, N, t(fun() -> binary_to_integer(B, N) end)} || {B, N} <- id(B2)]}].

id(X) -> X.
