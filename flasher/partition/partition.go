// Package partition reads and writes ESP-IDF partition tables: the binary
// table at flash offset 0x8000 that says where the VM, the libraries and the
// user's app (the data partition labelled "main.avm" in AtomVM images) live.
//
// The binary form is a sequence of 32-byte entries — magic AA 50, type,
// subtype, offset u32, size u32, a 16-byte NUL-padded label, flags u32 —
// optionally followed by an MD5 entry (EB EB, 14×FF, the MD5 of the
// preceding entries), then 0xFF up to the end of the 3 KiB table.
package partition

import (
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"strings"
)

// Layout constants.
const (
	TableOffset = 0x8000 // where ESP-IDF bootloaders look for the table
	TableSize   = 0xC00  // maximum size of the binary table
	EntrySize   = 32
)

// Types and the data subtypes AtomVM uses.
const (
	TypeApp  = 0x00
	TypeData = 0x01

	SubtypeFactory = 0x00
	SubtypePhy     = 0x01
	SubtypeNVS     = 0x02
)

// Entry is one partition.
type Entry struct {
	Label   string
	Type    byte
	Subtype byte
	Offset  uint32
	Size    uint32
	Flags   uint32
}

// End is the first offset past the partition.
func (e Entry) End() uint32 { return e.Offset + e.Size }

func (e Entry) String() string {
	return fmt.Sprintf("%s at 0x%x (%d KiB)", e.Label, e.Offset, e.Size/1024)
}

// Table is a parsed partition table.
type Table []Entry

// Find returns the partition labelled label.
func (t Table) Find(label string) (Entry, bool) {
	for _, e := range t {
		if e.Label == label {
			return e, true
		}
	}
	return Entry{}, false
}

// Labels lists the labels, for error messages.
func (t Table) Labels() string {
	var ls []string
	for _, e := range t {
		ls = append(ls, e.Label)
	}
	return strings.Join(ls, ", ")
}

// Overlapping returns the partitions that share a byte with [off, off+size).
func (t Table) Overlapping(off, size uint32) []Entry {
	var out []Entry
	for _, e := range t {
		if off < e.End() && e.Offset < off+size {
			out = append(out, e)
		}
	}
	return out
}

var (
	entryMagic = []byte{0xAA, 0x50}
	md5Magic   = []byte{0xEB, 0xEB}
)

// ErrNoTable is returned by Parse when the data does not start with a
// partition entry (erased flash, or no ESP-IDF image installed).
var ErrNoTable = fmt.Errorf("no partition table (first entry has no AA 50 magic)")

// Parse decodes a binary table. It stops at the first 0xFF entry or at the
// MD5 entry, whose digest it checks.
func Parse(b []byte) (Table, error) {
	var t Table
	for off := 0; off+EntrySize <= len(b) && off < TableSize; off += EntrySize {
		e := b[off : off+EntrySize]
		switch {
		case bytes.Equal(e[:2], entryMagic):
			label := e[12:28]
			if i := bytes.IndexByte(label, 0); i >= 0 {
				label = label[:i]
			}
			t = append(t, Entry{
				Label: string(label), Type: e[2], Subtype: e[3],
				Offset: binary.LittleEndian.Uint32(e[4:]), Size: binary.LittleEndian.Uint32(e[8:]),
				Flags: binary.LittleEndian.Uint32(e[28:]),
			})
		case bytes.Equal(e[:2], md5Magic):
			sum := md5.Sum(b[:off])
			if !bytes.Equal(sum[:], e[16:32]) {
				return nil, fmt.Errorf("partition table at 0x%x: MD5 entry does not match the %d entries before it", TableOffset, len(t))
			}
			return t, t.check()
		case bytes.Equal(e, bytes.Repeat([]byte{0xFF}, EntrySize)):
			if len(t) == 0 {
				return nil, ErrNoTable
			}
			return t, t.check()
		default:
			if len(t) == 0 {
				return nil, ErrNoTable
			}
			return nil, fmt.Errorf("partition table at 0x%x: entry %d (offset 0x%x) has magic %02X %02X, want AA 50", TableOffset, len(t), TableOffset+off, e[0], e[1])
		}
	}
	if len(t) == 0 {
		return nil, ErrNoTable
	}
	return t, t.check()
}

func (t Table) check() error {
	for i, a := range t {
		if a.Offset < TableOffset+TableSize && a.Offset+a.Size > TableOffset {
			return fmt.Errorf("partition table: %s overlaps the table itself", a)
		}
		for _, b := range t[i+1:] {
			if a.Offset < b.End() && b.Offset < a.End() {
				return fmt.Errorf("partition table: %s overlaps %s", a, b)
			}
		}
	}
	return nil
}

// Encode returns the binary table with its MD5 entry, padded with 0xFF to
// TableSize.
func (t Table) Encode() ([]byte, error) {
	if len(t)*EntrySize+EntrySize > TableSize {
		return nil, fmt.Errorf("partition table: %d entries do not fit in %d bytes", len(t), TableSize)
	}
	var b []byte
	for _, e := range t {
		if len(e.Label) > 16 {
			return nil, fmt.Errorf("partition table: label %q is longer than 16 bytes", e.Label)
		}
		ent := make([]byte, EntrySize)
		copy(ent, entryMagic)
		ent[2], ent[3] = e.Type, e.Subtype
		binary.LittleEndian.PutUint32(ent[4:], e.Offset)
		binary.LittleEndian.PutUint32(ent[8:], e.Size)
		copy(ent[12:28], e.Label)
		binary.LittleEndian.PutUint32(ent[28:], e.Flags)
		b = append(b, ent...)
	}
	sum := md5.Sum(b)
	b = append(b, md5Magic...)
	b = append(b, bytes.Repeat([]byte{0xFF}, 14)...)
	b = append(b, sum[:]...)
	for len(b) < TableSize {
		b = append(b, 0xFF)
	}
	return b, t.check()
}

// AtomVM's ESP32 layouts (AtomVM src/platforms/esp32/partitions*.csv). The
// app partition moved from 0x210000 to 0x250000 when boot.avm grew to
// 512 KiB: Elixir-flavoured images since 0.6.5 and all images since
// 0.7.0-alpha.1.
var (
	// AtomVMLegacy is the Erlang-only layout of AtomVM ≤ 0.6.x.
	AtomVMLegacy = atomvm(0x40000)
	// AtomVM07 is the layout of AtomVM ≥ 0.7.0-alpha.1 and of Elixir images.
	AtomVM07 = atomvm(0x80000)
)

func atomvm(bootSize uint32) Table {
	return Table{
		{Label: "nvs", Type: TypeData, Subtype: SubtypeNVS, Offset: 0x9000, Size: 0x6000},
		{Label: "phy_init", Type: TypeData, Subtype: SubtypePhy, Offset: 0xF000, Size: 0x1000},
		{Label: "factory", Type: TypeApp, Subtype: SubtypeFactory, Offset: 0x10000, Size: 0x1C0000},
		{Label: "boot.avm", Type: TypeData, Subtype: SubtypePhy, Offset: 0x1D0000, Size: bootSize},
		{Label: "main.avm", Type: TypeData, Subtype: SubtypePhy, Offset: 0x1D0000 + bootSize, Size: 0x100000},
	}
}
