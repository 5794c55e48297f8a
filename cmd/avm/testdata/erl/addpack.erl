%% addpack: loads an archive at run time. plugin.avm, packed as
%% addpack/priv/plugin.avm, holds the module plugin; the program adds it
%% with atomvm:add_avm_pack_binary/2 and calls into it.
-module(addpack).
-export([start/0]).

start() ->
    AVM = atomvm:read_priv(addpack, "plugin.avm"),
    ok = atomvm:add_avm_pack_binary(AVM, [{name, plugin}]),
    erlang:display(atomvm:get_start_beam(plugin)),
    erlang:display(atomvm:get_start_beam(nosuchpack)),
    erlang:display(plugin:start()),
    ok = atomvm:add_avm_pack_binary(AVM, [{name, spare}]),
    erlang:display(atomvm:close_avm_pack(spare, [])),
    erlang:display(atomvm:close_avm_pack(nosuchpack, [])),
    erlang:display(atomvm:add_avm_pack_file("nosuchfile.avm", [])),
    erlang:display(try atomvm:add_avm_pack_binary(<<"not an archive">>, []) catch error:R -> R end),
    % Code was loaded from plugin: it stays open. (Last, because AtomVM
    % 0.6.6 leaves its archive list locked after this refusal.)
    erlang:display(atomvm:close_avm_pack(plugin, [])),
    ok.
