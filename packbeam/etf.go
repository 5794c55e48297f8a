package packbeam

import (
	"encoding/binary"
	"fmt"
)

// literalAtoms calls fn with every atom in ext, a term in the external
// term format (starting with the version byte 131), as the literal tables
// of BEAM files hold them. It walks the encoding without building the term.
func literalAtoms(ext []byte, fn func(atom string)) error {
	if len(ext) == 0 || ext[0] != 131 {
		return fmt.Errorf("not in external term format")
	}
	d := etfWalker{data: ext, pos: 1, fn: fn}
	// pending counts the terms still to read; containers add their elements.
	for pending := 1; pending > 0; pending-- {
		n, err := d.term()
		if err != nil {
			return fmt.Errorf("+%#x: %w", d.pos, err)
		}
		pending += n
	}
	return nil
}

type etfWalker struct {
	data []byte
	pos  int
	fn   func(string)
}

var errTruncated = fmt.Errorf("truncated term")

// term reads one term's tag and its own bytes, and returns how many
// element terms follow it.
func (d *etfWalker) term() (elems int, err error) {
	tag, err := d.uint(1)
	if err != nil {
		return 0, err
	}
	switch tag {
	case 97: // SMALL_INTEGER_EXT
		return 0, d.skip(1)
	case 98: // INTEGER_EXT
		return 0, d.skip(4)
	case 70: // NEW_FLOAT_EXT
		return 0, d.skip(8)
	case 99: // FLOAT_EXT
		return 0, d.skip(31)
	case 100, 118: // ATOM_EXT, ATOM_UTF8_EXT
		return 0, d.atom(2)
	case 115, 119: // SMALL_ATOM_EXT, SMALL_ATOM_UTF8_EXT
		return 0, d.atom(1)
	case 106: // NIL_EXT
		return 0, nil
	case 104: // SMALL_TUPLE_EXT
		return d.count(1, 1)
	case 105: // LARGE_TUPLE_EXT
		return d.count(4, 1)
	case 108: // LIST_EXT: elements and a tail
		n, err := d.count(4, 1)
		return n + 1, err
	case 116: // MAP_EXT: keys and values
		return d.count(4, 2)
	case 113: // EXPORT_EXT: module, function, arity
		return 3, nil
	case 107: // STRING_EXT
		return 0, d.sized(2, 0)
	case 109: // BINARY_EXT
		return 0, d.sized(4, 0)
	case 77: // BIT_BINARY_EXT
		return 0, d.sized(4, 1)
	case 110: // SMALL_BIG_EXT
		return 0, d.sized(1, 1)
	case 111: // LARGE_BIG_EXT
		return 0, d.sized(4, 1)
	case 112: // NEW_FUN_EXT: its size counts itself
		size, err := d.uint(4)
		if err != nil || size < 4 {
			return 0, errTruncated
		}
		return 0, d.skip(int(size) - 4)
	case 88: // NEW_PID_EXT
		return 0, d.nodeAnd(12)
	case 103: // PID_EXT
		return 0, d.nodeAnd(9)
	case 89: // NEW_PORT_EXT
		return 0, d.nodeAnd(8)
	case 120: // V4_PORT_EXT
		return 0, d.nodeAnd(12)
	case 102: // PORT_EXT
		return 0, d.nodeAnd(5)
	case 90, 114: // NEWER_REFERENCE_EXT, NEW_REFERENCE_EXT
		n, err := d.uint(2)
		if err != nil {
			return 0, err
		}
		creation := 4
		if tag == 114 {
			creation = 1
		}
		return 0, d.nodeAnd(creation + 4*int(n))
	}
	return 0, fmt.Errorf("unknown tag %d", tag)
}

func (d *etfWalker) uint(size int) (uint64, error) {
	if len(d.data)-d.pos < size {
		return 0, errTruncated
	}
	b := d.data[d.pos : d.pos+size]
	d.pos += size
	switch size {
	case 1:
		return uint64(b[0]), nil
	case 2:
		return uint64(binary.BigEndian.Uint16(b)), nil
	}
	return uint64(binary.BigEndian.Uint32(b)), nil
}

func (d *etfWalker) skip(n int) error {
	if n < 0 || len(d.data)-d.pos < n {
		return errTruncated
	}
	d.pos += n
	return nil
}

// sized skips a length of lenSize bytes, extra bytes, then length bytes.
func (d *etfWalker) sized(lenSize, extra int) error {
	n, err := d.uint(lenSize)
	if err != nil {
		return err
	}
	if err := d.skip(extra); err != nil {
		return err
	}
	return d.skip(int(n))
}

// count reads an element count; each of per×count elements takes at least
// a byte, which bounds the count by the data left.
func (d *etfWalker) count(size, per int) (int, error) {
	n, err := d.uint(size)
	if err != nil {
		return 0, err
	}
	if n*uint64(per) > uint64(len(d.data)-d.pos) {
		return 0, fmt.Errorf("count %d exceeds the data", n)
	}
	return int(n) * per, nil
}

func (d *etfWalker) atom(lenSize int) error {
	n, err := d.uint(lenSize)
	if err != nil {
		return err
	}
	start := d.pos
	if err := d.skip(int(n)); err != nil {
		return err
	}
	d.fn(string(d.data[start:d.pos]))
	return nil
}

// nodeAnd reads the node atom of a pid, port or reference, then skips n bytes.
func (d *etfWalker) nodeAnd(n int) error {
	if elems, err := d.term(); err != nil {
		return err
	} else if elems != 0 {
		return fmt.Errorf("bad node name")
	}
	return d.skip(n)
}
