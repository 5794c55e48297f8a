%% Elixir's I2C module as AtomVM's exavmlib names it, over avm's i2c module.
-module('Elixir.I2C').
-export([open/1, close/1, begin_transmission/2, write_byte/2, write_bytes/2, end_transmission/1,
         read_bytes/3, read_bytes/4, write_bytes/3, write_bytes/4]).

open(Params) -> i2c:open(Params).
close(I2C) -> i2c:close(I2C).
begin_transmission(I2C, Address) -> i2c:begin_transmission(I2C, Address).
write_byte(I2C, Byte) -> i2c:write_byte(I2C, Byte).
write_bytes(I2C, Bytes) -> i2c:write_bytes(I2C, Bytes).
end_transmission(I2C) -> i2c:end_transmission(I2C).
read_bytes(I2C, Address, Count) -> i2c:read_bytes(I2C, Address, Count).
read_bytes(I2C, Address, Register, Count) -> i2c:read_bytes(I2C, Address, Register, Count).
write_bytes(I2C, Address, Data) -> i2c:write_bytes(I2C, Address, Data).
write_bytes(I2C, Address, Register, Data) -> i2c:write_bytes(I2C, Address, Register, Data).
