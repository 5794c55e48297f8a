package flasher

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/avmtool/avm/flasher/partition"
)

// AppDescriptor is the part of ESP-IDF's esp_app_desc_t that says which
// firmware is installed.
type AppDescriptor struct {
	Version string // e.g. v0.6.5
	Project string // atomvm-esp32 for AtomVM
}

// IsAtomVM reports whether the descriptor names an AtomVM build.
func (d AppDescriptor) IsAtomVM() bool { return strings.HasPrefix(d.Project, "atomvm") }

const (
	factoryOffset = 0x10000
	appDescOffset = 0x20 // after the image and first segment headers
	appDescMagic  = 0xABCD5432
)

// ErrNoApp is returned by ReadAppDescriptor when the factory partition holds
// no ESP-IDF app.
var ErrNoApp = errors.New("no app installed at 0x10000")

// ReadAppDescriptor reads the descriptor of the app at offset (the factory
// partition; 0 means 0x10000).
func (l *Loader) ReadAppDescriptor(ctx context.Context, offset uint32) (AppDescriptor, error) {
	if offset == 0 {
		offset = factoryOffset
	}
	b, err := l.ReadFlash(ctx, offset+appDescOffset, 0x50, nil)
	if err != nil {
		return AppDescriptor{}, err
	}
	return ParseAppDescriptor(b)
}

// ParseAppDescriptor decodes the first 0x50 bytes of an esp_app_desc_t.
func ParseAppDescriptor(b []byte) (AppDescriptor, error) {
	if len(b) < 0x50 || binary.LittleEndian.Uint32(b) != appDescMagic {
		return AppDescriptor{}, ErrNoApp
	}
	str := func(s []byte) string {
		if i := bytes.IndexByte(s, 0); i >= 0 {
			s = s[:i]
		}
		return string(s)
	}
	return AppDescriptor{Version: str(b[0x10:0x30]), Project: str(b[0x30:0x50])}, nil
}

// AppTarget is where an app goes.
type AppTarget struct {
	Partition partition.Entry
	// Table is the device's partition table (nil when unreadable).
	Table partition.Table
	// Note explains a guessed location; empty when the table was read.
	Note string
}

// FindAppPartition locates the data partition labelled label (main.avm)
// from the device's partition table. With no table, it falls back to
// AtomVM's documented offsets, chosen by the installed AtomVM version, and
// says so in Note.
func (l *Loader) FindAppPartition(ctx context.Context, label string) (AppTarget, error) {
	table, err := l.ReadPartitionTable(ctx)
	if err == nil {
		p, ok := table.Find(label)
		if !ok {
			return AppTarget{Table: table}, fmt.Errorf("the partition table at 0x8000 has no partition %q (it has %s); pass --partition NAME or --offset", label, table.Labels())
		}
		return AppTarget{Partition: p, Table: table}, nil
	}
	if !errors.Is(err, partition.ErrNoTable) {
		return AppTarget{}, err
	}
	if label != "main.avm" {
		return AppTarget{}, fmt.Errorf("no partition table at 0x8000, so no partition %q: is AtomVM installed? (avm flash --image AtomVM-%s.img)", label, l.Chip.Name)
	}
	desc, derr := l.ReadAppDescriptor(ctx, 0)
	if derr != nil && !errors.Is(derr, ErrNoApp) {
		return AppTarget{}, derr
	}
	layout, which := partition.AtomVM07, "AtomVM ≥ 0.7 layout"
	if derr == nil && versionBefore(desc.Version, 0, 7) {
		layout, which = partition.AtomVMLegacy, "AtomVM ≤ 0.6 layout (Erlang images; Elixir images use 0x250000)"
	}
	p, _ := layout.Find("main.avm")
	note := fmt.Sprintf("no partition table at 0x8000; assuming the %s: main.avm at 0x%x", which, p.Offset)
	if derr != nil {
		note += " (no AtomVM found at 0x10000 either)"
	} else {
		note += fmt.Sprintf(" (installed: %s %s)", desc.Project, desc.Version)
	}
	return AppTarget{Partition: p, Note: note}, nil
}

// versionBefore reports whether version (v0.6.5, 0.7.0-alpha.1…) is older
// than major.minor; unparsable versions count as new.
func versionBefore(version string, major, minor int) bool {
	v := strings.TrimPrefix(version, "v")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return false
	}
	digits := parts[1]
	if i := strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		digits = digits[:i]
	}
	ma, err1 := strconv.Atoi(parts[0])
	mi, err2 := strconv.Atoi(digits)
	if err1 != nil || err2 != nil {
		return false
	}
	return ma < major || ma == major && mi < minor
}
