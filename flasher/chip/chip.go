// Package chip describes the Espressif chips the flasher supports: how to
// recognise each one, where its SPI flash controller's registers are, where
// its second-stage bootloader lives in flash and where its MAC address is.
//
// Values come from esptool's targets/*.py (ROM classes) and the ESP-IDF
// technical reference manuals.
package chip

import (
	"fmt"
	"strings"
)

// Chip is one chip family as seen by its ROM loader.
type Chip struct {
	Name string // as users write it: esp32, esp32s3…
	Long string // as printed: ESP32-S3
	// ImageChipID is the chip id of the image header and of
	// GET_SECURITY_INFO (ESP32-S3 and later report it).
	ImageChipID uint16
	// Magic lists the values the ROM reads at MagicReg; ESP32 and ESP32-S2
	// are identified this way.
	Magic []uint32
	// SecurityInfoSize is the size of GET_SECURITY_INFO's reply data: 0
	// when the ROM does not implement it (ESP32), 12 without chip id
	// (ESP32-S2), 20 with it.
	SecurityInfoSize int
	// BootloaderOffset is where the second-stage bootloader, and so a full
	// AtomVM release image, starts in flash.
	BootloaderOffset uint32
	SPI              SPIRegs
	// FlashBeginEncryptWord: the ROM's FLASH_BEGIN and FLASH_DEFL_BEGIN take
	// a fifth "encrypted" word (every chip after the ESP32).
	FlashBeginEncryptWord bool
	// MACReg is the eFuse word holding the low 32 bits of the MAC address,
	// the next word holding the high 16; on the ESP32 the layout differs
	// (see MACFromWords).
	MACReg uint32
}

// SPIRegs locates the SPI flash controller (SPI1 / SPI_MEM1) registers used
// to run a "user" command such as RDID through READ_REG/WRITE_REG.
type SPIRegs struct {
	Base                   uint32
	USR, USR1, USR2        uint32 // offsets from Base
	MOSIDlen, MISODlen, W0 uint32
	AddrMSB                bool // the address register is left-aligned (ESP32)
	CMD, ADDR              uint32
	CmdUSR                 uint32 // CMD bit that starts a user command
	USRCommand, USRMISO    uint32 // USR bits
	USRAddr, USRMOSI       uint32
	USR2CommandBitlenShift uint32
	USR1AddrBitlenShift    uint32
}

// MagicReg is the ROM address whose content identifies older chips.
const MagicReg = 0x40001000

func spi(base, usr, w0 uint32, addrMSB bool) SPIRegs {
	return SPIRegs{
		Base: base, CMD: 0x00, ADDR: 0x04,
		USR: usr, USR1: usr + 4, USR2: usr + 8, MOSIDlen: usr + 0x0C, MISODlen: usr + 0x10,
		W0: w0, AddrMSB: addrMSB,
		CmdUSR: 1 << 18, USRCommand: 1 << 31, USRAddr: 1 << 30, USRMISO: 1 << 28, USRMOSI: 1 << 27,
		USR2CommandBitlenShift: 28, USR1AddrBitlenShift: 26,
	}
}

// All lists the supported chips.
var All = []*Chip{ESP32, ESP32S2, ESP32S3, ESP32C3, ESP32C6, ESP32H2}

// The supported chips.
var (
	ESP32 = &Chip{
		Name: "esp32", Long: "ESP32", ImageChipID: 0,
		Magic: []uint32{0x00F01D83}, SecurityInfoSize: 0,
		BootloaderOffset: 0x1000,
		SPI:              spi(0x3FF42000, 0x1C, 0x80, true),
		MACReg:           0x3FF5A004, // EFUSE_BLK0_RDATA1; RDATA2 follows
	}
	ESP32S2 = &Chip{
		Name: "esp32s2", Long: "ESP32-S2", ImageChipID: 2,
		Magic: []uint32{0x000007C6}, SecurityInfoSize: 12,
		BootloaderOffset: 0x1000, FlashBeginEncryptWord: true,
		SPI:    spi(0x3F402000, 0x18, 0x58, false),
		MACReg: 0x3F41A044,
	}
	ESP32S3 = &Chip{
		Name: "esp32s3", Long: "ESP32-S3", ImageChipID: 9,
		Magic: []uint32{0x00000009}, SecurityInfoSize: 20,
		BootloaderOffset: 0x0, FlashBeginEncryptWord: true,
		SPI:    spi(0x60002000, 0x18, 0x58, false),
		MACReg: 0x60007044,
	}
	ESP32C3 = &Chip{
		Name: "esp32c3", Long: "ESP32-C3", ImageChipID: 5,
		Magic:            []uint32{0x6921506F, 0x1B31506F, 0x4881606F, 0x4361606F},
		SecurityInfoSize: 20, BootloaderOffset: 0x0, FlashBeginEncryptWord: true,
		SPI:    spi(0x60002000, 0x18, 0x58, false),
		MACReg: 0x60008844,
	}
	ESP32C6 = &Chip{
		Name: "esp32c6", Long: "ESP32-C6", ImageChipID: 13,
		Magic: []uint32{0x2CE0806F}, SecurityInfoSize: 20,
		BootloaderOffset: 0x0, FlashBeginEncryptWord: true,
		SPI:    spi(0x60003000, 0x18, 0x58, false),
		MACReg: 0x600B0844,
	}
	ESP32H2 = &Chip{
		Name: "esp32h2", Long: "ESP32-H2", ImageChipID: 16,
		Magic: []uint32{0xD7B73E80}, SecurityInfoSize: 20,
		BootloaderOffset: 0x0, FlashBeginEncryptWord: true,
		SPI:    spi(0x60003000, 0x18, 0x58, false),
		MACReg: 0x600B0844,
	}
)

// Names returns the chip names, for help texts and errors.
func Names() string {
	var ns []string
	for _, c := range All {
		ns = append(ns, c.Name)
	}
	return strings.Join(ns, ", ")
}

// ByName finds a chip by name, accepting "ESP32-S3", "esp32s3", "esp32-s3".
func ByName(name string) (*Chip, error) {
	n := strings.ToLower(strings.ReplaceAll(name, "-", ""))
	for _, c := range All {
		if c.Name == n {
			return c, nil
		}
	}
	return nil, fmt.Errorf("unknown chip %q (supported: %s)", name, Names())
}

// ByImageChipID finds the chip reporting id in GET_SECURITY_INFO.
func ByImageChipID(id uint32) *Chip {
	for _, c := range All {
		if uint32(c.ImageChipID) == id && c.SecurityInfoSize == 20 {
			return c
		}
	}
	return nil
}

// ByMagic finds the chip whose ROM holds v at MagicReg.
func ByMagic(v uint32) *Chip {
	for _, c := range All {
		for _, m := range c.Magic {
			if m == v {
				return c
			}
		}
	}
	return nil
}

// MACFromWords assembles the MAC address from the two eFuse words read at
// MACReg and MACReg+4.
func (c *Chip) MACFromWords(lo, hi uint32) [6]byte {
	// Both layouts put the address big-endian in the low 48 bits of hi:lo
	// (on the ESP32 the top 16 bits of hi are a CRC, elsewhere unused).
	return [6]byte{byte(hi >> 8), byte(hi), byte(lo >> 24), byte(lo >> 16), byte(lo >> 8), byte(lo)}
}

// FlashSize decodes the capacity byte of a JEDEC RDID answer (bits 16-23 of
// the 24-bit id) into bytes, or 0 when unknown.
func FlashSize(id uint32) uint32 {
	code := (id >> 16) & 0xFF
	switch {
	case code >= 0x12 && code <= 0x19:
		return 1 << code
	case code >= 0x32 && code <= 0x39: // some vendors offset the code by 0x20
		return 1 << (code - 0x20)
	case code == 0x1A || code == 0x20:
		return 64 << 20
	case code == 0x1B || code == 0x21:
		return 128 << 20
	case code == 0x1C || code == 0x22:
		return 256 << 20
	}
	return 0
}

// SizeCode returns the RDID capacity byte for a flash of size bytes, the
// inverse of FlashSize for powers of two from 256 KiB to 32 MiB.
func SizeCode(size uint32) (byte, bool) {
	for code := uint32(0x12); code <= 0x19; code++ {
		if 1<<code == size {
			return byte(code), true
		}
	}
	return 0, false
}
