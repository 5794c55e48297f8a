package emulator

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/avmtool/avm/flasher/chip"
	"github.com/avmtool/avm/flasher/partition"
	"github.com/avmtool/avm/packbeam"
)

// App descriptor facts (ESP-IDF esp_app_desc_t): it follows the image
// header (24 bytes) and the first segment header (8 bytes) of an app.
const (
	AppDescOffset  = 0x20
	AppDescMagic   = 0xABCD5432
	EmulatedVMName = "atomvm-esp32"
	// EmulatedVMVersion is the version the default image's app descriptor
	// claims, so tools can tell it is not a real AtomVM build.
	EmulatedVMVersion = "v0.7.0-emulated"
)

// DefaultImage builds flash content laid out like an installed AtomVM
// release (≥ 0.7.0): an image header at the chip's bootloader offset, the
// partition table at 0x8000 (nvs, phy_init, factory, boot.avm at 0x1D0000,
// main.avm at 0x250000), a factory app whose descriptor names AtomVM, an
// empty library archive in boot.avm, and an erased main.avm.
func DefaultImage(c *chip.Chip, size uint32) ([]byte, error) {
	code, ok := chip.SizeCode(size)
	if !ok || size < 4<<20 {
		return nil, fmt.Errorf("emulator: AtomVM's layout needs a flash of at least 4 MiB and a power of two, not %d bytes", size)
	}
	img := bytes.Repeat([]byte{0xFF}, int(size))
	// Second-stage bootloader: image header only (magic, one segment, DIO,
	// size and 40 MHz).
	copy(img[c.BootloaderOffset:], imageHeader(c, code, 0x40080400))
	table, err := partition.AtomVM07.Encode()
	if err != nil {
		return nil, err
	}
	copy(img[partition.TableOffset:], table)
	factory, _ := partition.AtomVM07.Find("factory")
	copy(img[factory.Offset:], imageHeader(c, code, 0x400D0000))
	copy(img[factory.Offset+AppDescOffset:], appDesc(EmulatedVMVersion, EmulatedVMName))
	boot, _ := partition.AtomVM07.Find("boot.avm")
	lib, err := (&packbeam.Archive{}).Bytes()
	if err != nil {
		return nil, err
	}
	copy(img[boot.Offset:], lib)
	return img, nil
}

func imageHeader(c *chip.Chip, sizeCode byte, entry uint32) []byte {
	h := make([]byte, 24+8)
	h[0], h[1], h[2] = 0xE9, 1, 2
	// Header size field: 0=1MB … 2=4MB: size code 0x14 (1 MiB) maps to 0.
	h[3] = (sizeCode - 0x14) << 4
	binary.LittleEndian.PutUint32(h[4:], entry)
	binary.LittleEndian.PutUint16(h[12:], c.ImageChipID)
	// First segment header: load address and length (the descriptor).
	binary.LittleEndian.PutUint32(h[24:], 0x3F400020)
	binary.LittleEndian.PutUint32(h[28:], 256)
	return h
}

// appDesc encodes the leading fields of esp_app_desc_t: magic, secure
// version, two reserved words, version[32], project_name[32].
func appDesc(version, project string) []byte {
	d := make([]byte, 0x50)
	binary.LittleEndian.PutUint32(d, AppDescMagic)
	copy(d[0x10:0x30], version)
	copy(d[0x30:0x50], project)
	return d
}

// bootOutput is what the chip prints after the ROM banner when it boots
// from flash: the bootloader's complaint when there is no image, or
// AtomVM's start-up lines for the partitions it finds.
func bootOutput(c *chip.Chip, flash []byte) []byte {
	var b strings.Builder
	if flash[c.BootloaderOffset] != 0xE9 {
		w := binary.LittleEndian.Uint32(flash[c.BootloaderOffset:])
		for range 3 {
			fmt.Fprintf(&b, "invalid header: 0x%08x\r\n", w)
		}
		return []byte(b.String())
	}
	table, err := partition.Parse(flash[partition.TableOffset : partition.TableOffset+partition.TableSize])
	if err != nil {
		fmt.Fprintf(&b, "E (43) boot: partition table: %v\r\n", err)
		return []byte(b.String())
	}
	factory, ok := table.Find("factory")
	if !ok || flash[factory.Offset] != 0xE9 {
		b.WriteString("E (52) boot: No bootable app partitions in the partition table\r\n")
		return []byte(b.String())
	}
	version := cString(flash[factory.Offset+AppDescOffset+0x10 : factory.Offset+AppDescOffset+0x30])
	fmt.Fprintf(&b, "I (312) AtomVM: Starting AtomVM revision %s\r\n", strings.TrimPrefix(version, "v"))
	var start string
	for _, label := range []string{"boot.avm", "main.avm"} {
		p, ok := table.Find(label)
		if !ok || uint64(p.End()) > uint64(len(flash)) {
			continue
		}
		data := flash[p.Offset:p.End()]
		if !packbeam.IsArchive(data) {
			fmt.Fprintf(&b, "E (330) AtomVM: %s partition at 0x%x holds no AtomVM archive\r\n", label, p.Offset)
			continue
		}
		fmt.Fprintf(&b, "I (318) sys: Loaded BEAM partition %s at address 0x%x (size=%d bytes)\r\n", label, p.Offset, p.Size)
		if a, err := packbeam.Read(label, data); err == nil {
			if e := a.Start(); e != nil && label == "main.avm" {
				start = e.Name
			}
		}
	}
	if start != "" {
		fmt.Fprintf(&b, "Found startup beam %s\r\n", start)
	}
	return []byte(b.String())
}

func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}
