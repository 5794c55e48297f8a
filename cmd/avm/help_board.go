package main

import "github.com/spf13/cobra"

// newBoardHelpCmd is the help topic "avm help board": targets, the board
// file, board commands and the trace.
func newBoardHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "board",
		Short: "Device targets, simulated boards, board files and board scripts",
		Long: `avm run --target esp32|esp32s3|esp32c3|stm32|rp2 runs an app as that device
would: atomvm:platform() and the platform's system_info keys answer as the
device does, the app may only call what the target's AtomVM release has
(--atomvm 0.6|0.7, default the latest; --no-strict allows all avm
implements), integers are limited as there (64 bits on 0.6), processes share
the device's free heap (out_of_memory past it), and an app archive larger
than the app partition is refused. --target linux drives a Linux board's
real peripherals (--gpio-chip, --i2c-bus, --spi-dev); generic_unix, the
default, is avm itself with a simulated board.

Where the target comes from, the same for avm run, build, dev, check and
lsp: the flags (--target, --atomvm, --board, --strict/--no-strict; avm
build's --profile) win; then the project's configuration, read from
rebar.config

  {avm, [{target, esp32}, {atomvm, "0.6"}, {board, "avm.board.json"},
         {strict, true}, {diagnostics, [{'avm/unknown-module', off}]}]}.

or from mix.exs (literal values, in project/0)

  avm: [target: :esp32, atomvm: "0.6", board: "avm.board.json", strict: true]

(without a target there, the one flash task of atomvm_rebar3_plugin or
ExAtomVM's atomvm keyword implies esp32, stm32 or rp2); then the board
file's "target"; then generic_unix. The release defaults to the newest,
the board file to avm.board.json in the project when present, strictness
to on for microcontroller targets. unix is read as generic_unix.

The simulated board has the pins, I2C and SPI buses, UARTs, NVS and RTC
memory of AtomVM's gpio, i2c, spi, uart, ledc and esp modules. NVS persists
in _build/avm/nvs-TARGET.json (--nvs FILE); RTC memory survives
esp:deep_sleep/1, after which the app starts again as the device would.
--time-scale N runs the board's clock N times faster.

A board file (--board FILE, default: the project's board, else
avm.board.json in the project directory) wires parts:

  {
    "target": "esp32",
    "gpio": {"2": {"led": "status"}, "0": {"button": "boot", "pressed": "low"}},
    "i2c":  {"0x48": {"name": "tmp102", "registers": {"0x00": "19 00"}}},
    "spi":  {"bme280": {"registers": {"0x50": "60"}}},
    "uart": {"UART1": "loopback"}
  }

A button drives its pin only while pressed. I2C and SPI devices are register
maps: a write's first byte selects a register (SPI: the address without its
read/write bit 0x80), later bytes are stored from there; reads return bytes
from the selected register on. An I2C address with no device gives
{error, esp_fail}; an SPI device the file does not wire reads 0xff.

Board commands drive the board from outside, from a script
(--board-script FILE) or a Unix socket (--board-control PATH, one reply line
per command: ok or error: ...):

  press PIN | release PIN        a board-file button
  set PIN high|low | float PIN   drive a pin from outside, or stop
  i2c ADDR REG HEX               change a register device (a new reading)
  uart NAME TEXT                 bytes arrive on a UART ("quoted\n" allowed)
  wait DURATION                  scripts only: 500ms, 2s (board time)
  await interrupt PIN            scripts only: until the app listens on PIN

--uart-pty UART1 bridges a UART to a new pty (avm prints its path): a
terminal or a test program opened on it talks to the app as to the
device's serial port.

--trace-io prints every pin change, bus transaction and UART byte on stderr,
stamped with the board's time in seconds.`,
	}
}
