%% spi: AtomVM's SPI API over the board's bus. open/1 takes the bus and
%% device configuration (a list or map, as AtomVM's); a device is named by
%% its key in device_config. Simulated devices are register maps wired in
%% the board file; --target linux goes to /dev/spidevB.C.
-module(spi).
-export([open/1, close/1, read_at/4, write_at/5, write/3, write_read/3]).

open(Params) when is_list(Params); is_map(Params) ->
    case get_value(bus_config, Params, undefined) of
        undefined -> throw({badarg, missing_bus_config});
        _ -> ok
    end,
    Devices = [Name || {Name, _} <- to_list(get_value(device_config, Params, []))],
    spawn(fun() -> loop(Devices) end);
open(Params) ->
    throw({error, {not_a_map_or_list, Params}}).

close(SPI) -> port:call(SPI, {close}).

read_at(SPI, DeviceName, Address, Len) ->
    port:call(SPI, {read_at, DeviceName, Address, Len}).

write_at(SPI, DeviceName, Address, Len, Data) ->
    port:call(SPI, {write_at, DeviceName, Address bor 16#80, Len, Data}).

write(SPI, DeviceName, Transaction) when is_pid(SPI), is_atom(DeviceName), is_map(Transaction) ->
    port:call(SPI, {write, DeviceName, Transaction}).

write_read(SPI, DeviceName, Transaction) when is_pid(SPI), is_atom(DeviceName), is_map(Transaction) ->
    port:call(SPI, {write_read, DeviceName, Transaction}).

get_value(Key, Map, Default) when is_map(Map) -> maps:get(Key, Map, Default);
get_value(Key, List, Default) -> proplists:get_value(Key, List, Default).

to_list(Map) when is_map(Map) -> maps:to_list(Map);
to_list(List) -> List.

loop(Devices) ->
    receive
        {'$call', {From, Ref}, {close}} ->
            From ! {Ref, ok};
        {'$call', {From, Ref}, Request} ->
            Reply = case lists:member(element(2, Request), Devices) of
                        true -> handle(Request);
                        false -> {error, {unknown_device, element(2, Request)}}
                    end,
            From ! {Ref, Reply},
            loop(Devices);
        _ ->
            loop(Devices)
    end.

handle({read_at, Device, Address, Len}) ->
    case avm_board:spi_transfer(Device, Address, <<>>, (Len + 7) div 8) of
        {ok, Bin} -> <<Value:Len, _/bits>> = Bin, {ok, Value};
        Error -> Error
    end;
handle({write_at, Device, Address, Len, Data}) ->
    case avm_board:spi_transfer(Device, Address, <<Data:Len>>, 0) of
        {ok, _} -> {ok, 0};
        Error -> Error
    end;
handle({write, Device, T}) ->
    case avm_board:spi_transfer(Device, maps:get(address, T, none), write_data(T), 0) of
        {ok, _} -> ok;
        Error -> Error
    end;
handle({write_read, Device, T}) ->
    avm_board:spi_transfer(Device, maps:get(address, T, none), write_data(T),
                           (maps:get(read_bits, T, 0) + 7) div 8).

write_data(T) ->
    Data = maps:get(write_data, T, <<>>),
    case maps:get(write_bits, T, bit_size(Data)) of
        Bits when Bits < bit_size(Data) -> <<Head:Bits/bits, _/bits>> = Data, pad(Head);
        _ -> Data
    end.

pad(Bits) when is_binary(Bits) -> Bits;
pad(Bits) -> Pad = 8 - bit_size(Bits) rem 8, <<Bits/bits, 0:Pad>>.
