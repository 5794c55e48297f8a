%% i2c: AtomVM's I2C API over the board's bus. open/1 starts a driver
%% process; transactions go to the board's devices (a board file puts
%% them at addresses); an address where nothing answers gives
%% {error, esp_fail}, as on the ESP32.
-module(i2c).
-export([open/1, close/1, begin_transmission/2, write_byte/2, end_transmission/1,
         read_bytes/3, read_bytes/4, write_bytes/2, write_bytes/3, write_bytes/4]).

open(Params) when is_list(Params) ->
    spawn(fun() -> loop(idle) end);
open(Params) ->
    error(badarg, [Params]).

close(I2C) -> port:call(I2C, {close}).
begin_transmission(I2C, Address) -> port:call(I2C, {begin_transmission, Address}).
write_byte(I2C, Byte) -> port:call(I2C, {write_byte, Byte}).
write_bytes(I2C, Bytes) -> port:call(I2C, {write_bytes, Bytes}).
end_transmission(I2C) -> port:call(I2C, {end_transmission}).
read_bytes(I2C, Address, Count) -> port:call(I2C, {read_bytes, Address, Count}).
read_bytes(I2C, Address, Register, Count) -> port:call(I2C, {read_bytes, Address, Count, Register}).
write_bytes(I2C, Address, BinOrInt) -> port:call(I2C, {write_bytes, Address, BinOrInt}).
write_bytes(I2C, Address, Register, BinOrInt) -> port:call(I2C, {write_bytes, Address, BinOrInt, Register}).

%% The state is idle, or {Address, Bytes} during a transmission.
loop(State) ->
    receive
        {'$call', {From, Ref}, {close}} ->
            From ! {Ref, ok};
        {'$call', {From, Ref}, Request} ->
            {Reply, Next} = handle(Request, State),
            From ! {Ref, Reply},
            loop(Next);
        _ ->
            loop(State)
    end.

handle({begin_transmission, Address}, idle) when is_integer(Address) -> {ok, {Address, []}};
handle({begin_transmission, _}, State) -> {{error, einprogress}, State};
handle({write_byte, Byte}, {Address, Acc}) when is_integer(Byte), Byte >= 0, Byte =< 255 ->
    {ok, {Address, [Acc, Byte]}};
handle({write_bytes, Bytes}, {Address, Acc}) when is_binary(Bytes) -> {ok, {Address, [Acc, Bytes]}};
handle({end_transmission}, {Address, Acc}) ->
    {avm_board:i2c_write(Address, iolist_to_binary(Acc)), idle};
handle({read_bytes, Address, Count}, idle) ->
    {avm_board:i2c_read(Address, Count), idle};
handle({read_bytes, Address, Count, Register}, idle) ->
    case avm_board:i2c_write(Address, <<Register>>) of
        ok -> {avm_board:i2c_read(Address, Count), idle};
        Error -> {Error, idle}
    end;
handle({write_bytes, Address, Data}, idle) ->
    {avm_board:i2c_write(Address, to_binary(Data)), idle};
handle({write_bytes, Address, Data, Register}, idle) ->
    {avm_board:i2c_write(Address, <<Register, (to_binary(Data))/binary>>), idle};
handle(_, idle) -> {{error, badarg}, idle};
handle(_, State) -> {{error, einprogress}, State}.

to_binary(Byte) when is_integer(Byte) -> <<Byte>>;
to_binary(Bin) when is_binary(Bin) -> Bin.
