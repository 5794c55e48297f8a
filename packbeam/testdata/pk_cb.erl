%% pk_cb: reached from pk_lib through a literal only.
-module(pk_cb).
-export([handle/0]).

handle() ->
    ok.
