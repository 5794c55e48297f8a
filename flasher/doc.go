// Package flasher writes AtomVM apps and images to Espressif chips through
// their ROM serial bootloader, with no stub firmware and no Python.
//
// # Architecture
//
// The layers, bottom up:
//
//   - flasher/slip: SLIP framing of the serial stream; boot-log noise
//     between frames is kept aside, not an error.
//   - flasher/rom: request and response packets, opcodes, checksums and
//     ROM status codes; no I/O.
//   - flasher/chip: per-chip facts (identification, SPI controller
//     registers, bootloader offset, MAC eFuses).
//   - flasher/partition: the partition table at 0x8000 and AtomVM's layouts.
//   - this package: a [Port] (a serial line with modem lines), the
//     [Loader] that runs commands over it with timeouts and retries,
//     [Connect] (reset strategies, SYNC, chip and flash detection) and the
//     operations: [Loader.WriteFlash] (compressed, MD5-verified, skipped when
//     unchanged), [Loader.ReadFlash], [Loader.Erase], [Loader.HardReset].
//   - flasher/emulator: a model of the ROM loader (flash memory, registers,
//     resets through DTR/RTS, faults) that is itself a [Port], and can be
//     served on a pty.
//
// Every operation that can take long takes a context and reports progress
// through a callback; the package never prints.
//
// # Reading flash without a stub
//
// The ROM loaders of the ESP32 family have no fast READ_FLASH (that command
// belongs to esptool's stub). They do implement READ_FLASH_SLOW (0x0E),
// which returns 64 bytes per command; esptool uses it when run with
// --no-stub. It is slow (about 1 KiB/s at 115200 baud) but the partition
// table (a few hundred bytes up to its end marker) and an app descriptor
// (128 bytes) are all we read. Whole-region comparisons use SPI_FLASH_MD5,
// which the ROM computes on the chip.
package flasher
