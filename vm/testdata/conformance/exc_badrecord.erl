%% {badrecord,Term} from record field access/update on the wrong term.
-module(exc_badrecord).
-export([start/0]).

-record(r, {a = 1, b = 2}).

t(F) -> try F() catch C:R -> {C, R} end.

start() ->
    [{access_tuple, t(fun() -> (id({s, 1, 2}))#r.a end)},
     {access_atom, t(fun() -> (id(x))#r.b end)},
     {update_wrong, t(fun() -> (id({r, 1}))#r{a = 5} end)},
     {ok_access, (id(#r{}))#r.b},
     {ok_update, (id(#r{}))#r{a = 9}}].

id(X) -> X.
