package beam

import (
	"encoding/binary"
	"fmt"
)

// A reader walks the data of one chunk (or of the whole file, with chunk
// set to "") and turns every problem into a *FormatError that names the
// file, the chunk and the offset.
type reader struct {
	file  string
	chunk string
	data  []byte
	pos   int
}

// errorf returns a FormatError at offset at.
func (r *reader) errorf(at int, format string, args ...any) *FormatError {
	return &FormatError{File: r.file, Chunk: r.chunk, Offset: at, Msg: fmt.Sprintf(format, args...)}
}

func (r *reader) remaining() int { return len(r.data) - r.pos }

// bytes returns the next n bytes, sharing memory with the data.
func (r *reader) bytes(n int) ([]byte, error) {
	if n < 0 || n > r.remaining() {
		return nil, r.errorf(r.pos, "unexpected end of data: need %d bytes, %d left", n, r.remaining())
	}
	b := r.data[r.pos : r.pos+n : r.pos+n]
	r.pos += n
	return b, nil
}

func (r *reader) u8() (byte, error) {
	b, err := r.bytes(1)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

func (r *reader) u16() (uint16, error) {
	b, err := r.bytes(2)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint16(b), nil
}

func (r *reader) u32() (uint32, error) {
	b, err := r.bytes(4)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint32(b), nil
}

// u32s reads consecutive 32-bit words into fields.
func (r *reader) u32s(fields ...*uint32) error {
	for _, f := range fields {
		var err error
		if *f, err = r.u32(); err != nil {
			return err
		}
	}
	return nil
}

// count reads a 32-bit entry count and checks that count entries of at
// least minSize bytes each fit in the rest of the data, so that callers
// may allocate count entries.
func (r *reader) count(what string, minSize int) (int, error) {
	at := r.pos
	n, err := r.u32()
	if err != nil {
		return 0, err
	}
	if uint64(n)*uint64(minSize) > uint64(r.remaining()) {
		return 0, r.errorf(at, "%s count %d needs at least %d bytes, %d left", what, n, uint64(n)*uint64(minSize), r.remaining())
	}
	return int(n), nil
}
