%% esp: the ESP32 functions of AtomVM's esp module that are Erlang there
%% too (NVS with the default namespace and defaults). The NIFs (NVS
%% access, RTC memory, deep sleep, restart, MACs…) are Go natives over the
%% simulated board.
-module(esp).
-export([nvs_get_binary/1, nvs_get_binary/2, nvs_get_binary/3,
         nvs_set_binary/2, nvs_set_binary/3, nvs_erase_key/1, nvs_erase_all/0,
         deep_sleep/0, partition_list/0]).

-define(NVS_NS, atomvm).

nvs_get_binary(Key) when is_atom(Key) -> nvs_get_binary(?NVS_NS, Key).

nvs_get_binary(Namespace, Key) when is_atom(Namespace), is_atom(Key) ->
    case esp:nvs_fetch_binary(Namespace, Key) of
        {ok, Result} -> Result;
        {error, not_found} -> undefined;
        {error, namespace_not_found} -> undefined;
        {error, Other} -> throw(Other)
    end.

nvs_get_binary(Namespace, Key, Default) when is_atom(Namespace), is_atom(Key), is_binary(Default) ->
    case nvs_get_binary(Namespace, Key) of
        undefined -> Default;
        Value -> Value
    end.

nvs_set_binary(Key, Value) when is_atom(Key), is_binary(Value) -> nvs_set_binary(?NVS_NS, Key, Value).

nvs_set_binary(Namespace, Key, Value) when is_atom(Namespace), is_atom(Key), is_binary(Value) ->
    esp:nvs_put_binary(Namespace, Key, Value).

nvs_erase_key(Key) when is_atom(Key) -> esp:nvs_erase_key(?NVS_NS, Key).

nvs_erase_all() -> esp:nvs_erase_all(?NVS_NS).

%% Without a wakeup source the chip sleeps until reset: the run ends.
deep_sleep() -> esp:deep_sleep(infinity).

%% AtomVM 0.6's default partition table on a 4 MB module.
partition_list() ->
    [{"nvs", 1, 2, 16#9000, 16#6000, []},
     {"phy_init", 1, 1, 16#f000, 16#1000, []},
     {"factory", 0, 0, 16#10000, 16#1C0000, []},
     {"boot.avm", 1, 1, 16#1D0000, 16#40000, []},
     {"main.avm", 1, 1, 16#210000, 16#100000, []}].
