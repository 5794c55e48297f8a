package beam

import (
	"math"
	"unicode/utf8"
)

// LineTable is the decoded Line chunk, which maps the operand of line
// (and executable_line, debug_line) instructions to source locations.
type LineTable struct {
	// Items[i] is the location of line operand i. Items[0] is "no
	// location" (File 0, Line 0); the compiler uses operand 0 for code
	// it cannot attribute to a line.
	Items []Location
	// Filenames[Location.File] is the source file name. Filenames[0] is
	// implicit in the chunk and is always Module + ".erl", as the BEAM
	// loader reconstructs it; an empty name in the chunk also stands for
	// Filenames[0]. Names are as given to the compiler (with
	// +deterministic, base names only).
	Filenames []string
}

// Location is a source location.
type Location struct {
	File uint32 // index into LineTable.Filenames
	Line uint32
}

// parseLines decodes a Line chunk: Version, Flags (bit 0: executable_line
// present, bit 1: forced line counters; OTP 27 and later, 0 before),
// NumLineInstrs, NumItems, NumFilenames, then the items as compact terms
// (a(F) switches to file F, i(L) adds an item for line L of the current
// file, which starts as file 0), then each filename as a 16-bit length and
// UTF-8 text. Like the BEAM loader, it ignores a chunk whose version is not
// 0 and returns nil.
func parseLines(r *reader, module string) (*LineTable, error) {
	var version, flags, instrs, numItems, numNames uint32
	if err := r.u32s(&version); err != nil {
		return nil, err
	}
	if version != 0 {
		return nil, nil
	}
	at := r.pos
	if err := r.u32s(&flags, &instrs, &numItems, &numNames); err != nil {
		return nil, err
	}
	// Each item takes at least a byte and each filename two.
	if uint64(numItems)+2*uint64(numNames) > uint64(r.remaining()) {
		return nil, r.errorf(at+8, "%d items and %d filenames need more than the %d bytes left", numItems, numNames, r.remaining())
	}
	t := &LineTable{
		Items:     make([]Location, 1, numItems+1),
		Filenames: make([]string, 1, numNames+1),
	}
	t.Filenames[0] = module + ".erl"
	var file uint32
	for len(t.Items) <= int(numItems) {
		item, err := r.term()
		if err != nil {
			return nil, err
		}
		switch {
		case item.tag == tagA && item.big == nil && item.val <= int64(numNames):
			file = uint32(item.val)
		case item.tag == tagI && item.big == nil && item.val >= 0 && item.val <= math.MaxUint32:
			t.Items = append(t.Items, Location{File: file, Line: uint32(item.val)})
		default:
			return nil, r.errorf(item.at, "bad line item %s", item)
		}
	}
	for range numNames {
		at := r.pos
		n, err := r.u16()
		if err != nil {
			return nil, err
		}
		name, err := r.bytes(int(n))
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(name) {
			return nil, r.errorf(at, "filename %d is not valid UTF-8", len(t.Filenames))
		}
		if n == 0 {
			name = []byte(t.Filenames[0])
		}
		t.Filenames = append(t.Filenames, string(name))
	}
	return t, nil
}
