%% pk_app: the start module of the prune tests. It reaches pk_lib by a
%% remote call; pk_lib reaches pk_cb only through a literal.
-module(pk_app).
-export([start/0]).

start() ->
    pk_lib:run().
