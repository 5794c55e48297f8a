%% Reads a BME280-like sensor's chip id over SPI, writes a control
%% register and reads it back, and talks to a device the board lacks.
-module(board_spi).
-export([start/0]).

start() ->
    SPI = spi:open([{bus_config, [{miso, 19}, {mosi, 23}, {sclk, 18}]},
                    {device_config, [{bme280, [{clock_speed_hz, 1000000}, {mode, 0}, {cs, 5}, {address_len_bits, 8}]},
                                     {absent, [{cs, 4}, {address_len_bits, 8}]}]}]),
    erlang:display(spi:read_at(SPI, bme280, 16#d0, 8)),
    erlang:display(spi:write_at(SPI, bme280, 16#74, 8, 16#27)),
    erlang:display(spi:write_read(SPI, bme280, #{address => 16#f4, read_bits => 8})),
    erlang:display(spi:read_at(SPI, absent, 16#d0, 8)),
    erlang:display(spi:read_at(SPI, nobody, 16#d0, 8)),
    spi:close(SPI).
