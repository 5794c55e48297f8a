%% Reads a TMP102-like temperature sensor at 0x48 (register 0: 12-bit
%% reading, 1/16 degree units), writes its config register, and tries an
%% address where nothing answers.
-module(board_i2c).
-export([start/0]).

start() ->
    I2C = i2c:open([{scl, 22}, {sda, 21}, {clock_speed_hz, 100000}]),
    {ok, <<Raw:12, _:4>>} = i2c:read_bytes(I2C, 16#48, 0, 2),
    erlang:display({celsius, Raw / 16}),
    ok = i2c:write_bytes(I2C, 16#48, 1, <<16#60, 16#a0>>),
    {ok, Config} = i2c:read_bytes(I2C, 16#48, 1, 2),
    erlang:display({config, Config}),
    ok = i2c:begin_transmission(I2C, 16#48),
    ok = i2c:write_byte(I2C, 0),
    ok = i2c:end_transmission(I2C),
    {ok, <<Raw2:12, _:4>>} = i2c:read_bytes(I2C, 16#48, 2),
    erlang:display({again, Raw2 / 16}),
    erlang:display({missing, i2c:read_bytes(I2C, 16#50, 1)}),
    i2c:close(I2C).
