package partition

import (
	"bytes"
	"errors"
	"testing"
)

func TestRoundTripAndFind(t *testing.T) {
	for _, layout := range []Table{AtomVMLegacy, AtomVM07} {
		b, err := layout.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != TableSize {
			t.Fatalf("encoded %d bytes", len(b))
		}
		got, err := Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		m, ok := got.Find("main.avm")
		if !ok || m != layout[4] {
			t.Fatalf("main.avm = %v, %v", m, ok)
		}
	}
	if m, _ := AtomVMLegacy.Find("main.avm"); m.Offset != 0x210000 {
		t.Errorf("legacy main.avm at 0x%x", m.Offset)
	}
	if m, _ := AtomVM07.Find("main.avm"); m.Offset != 0x250000 {
		t.Errorf("0.7 main.avm at 0x%x", m.Offset)
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := Parse(bytes.Repeat([]byte{0xFF}, TableSize)); !errors.Is(err, ErrNoTable) {
		t.Errorf("erased flash: %v", err)
	}
	b, _ := AtomVM07.Encode()
	b[40] ^= 1 // inside the second entry: the MD5 no longer matches
	if _, err := Parse(b); err == nil {
		t.Error("corrupted table accepted")
	}
	overlap := Table{{Label: "a", Offset: 0x10000, Size: 0x2000}, {Label: "b", Offset: 0x11000, Size: 0x1000}}
	if _, err := overlap.Encode(); err == nil {
		t.Error("overlapping partitions accepted")
	}
	if got := AtomVM07.Overlapping(0x24F000, 0x2000); len(got) != 2 {
		t.Errorf("Overlapping = %v", got)
	}
}
