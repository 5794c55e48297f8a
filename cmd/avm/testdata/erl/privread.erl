%% privread: reads plain files packed under privread/priv/ with
%% atomvm:read_priv/2 (avm pack --priv). Run from an archive.
-module(privread).
-export([start/0]).

start() ->
    <<Greeting:11/binary, _/binary>> = atomvm:read_priv(privread, "greeting.txt"),
    erlang:display(Greeting),
    Nested = atomvm:read_priv(privread, <<"data/numbers.bin">>),
    <<First, _/binary>> = Nested,
    erlang:display({byte_size(Nested), First}),
    erlang:display(atomvm:read_priv(privread, "missing.txt")),
    erlang:display(atomvm:read_priv(otherapp, "greeting.txt")),
    ok.
