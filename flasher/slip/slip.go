// Package slip implements the SLIP framing (RFC 1055) used by the Espressif
// ROM serial bootloader: every packet travels between two 0xC0 bytes, and
// 0xC0 and 0xDB inside a packet are escaped as 0xDB 0xDC and 0xDB 0xDD.
//
// The Decoder is a byte-at-a-time state machine so that a reader can feed it
// whatever arrives on a serial line, including a chip's boot log before the
// first frame: bytes outside a frame are kept as noise, not treated as errors.
package slip

import "fmt"

// Framing bytes.
const (
	End    = 0xC0 // frame delimiter
	Esc    = 0xDB // escape introducer
	EscEnd = 0xDC // Esc EscEnd encodes End
	EscEsc = 0xDD // Esc EscEsc encodes Esc
)

// Encode appends the framed form of payload to dst and returns the result.
func Encode(dst, payload []byte) []byte {
	dst = append(dst, End)
	for _, b := range payload {
		switch b {
		case End:
			dst = append(dst, Esc, EscEnd)
		case Esc:
			dst = append(dst, Esc, EscEsc)
		default:
			dst = append(dst, b)
		}
	}
	return append(dst, End)
}

// EscapeError reports a byte after Esc that is neither EscEnd nor EscEsc;
// the frame it was in is dropped.
type EscapeError struct{ Byte byte }

func (e *EscapeError) Error() string {
	return fmt.Sprintf("slip: invalid escape sequence 0xdb 0x%02x", e.Byte)
}

// Decoder reassembles frames from a byte stream.
type Decoder struct {
	frame   []byte
	inFrame bool
	escaped bool
	noise   []byte
	// MaxFrame bounds the size of a frame; longer ones are dropped. Zero
	// means 64 KiB, more than any reply of the ROM loader.
	MaxFrame int
}

// Push feeds one byte. It returns a complete frame when b closes one (the
// slice is only valid until the next call), or an error when b makes the
// current frame invalid.
//
// An empty frame (two End bytes in a row) is not reported: the ROM sends
// End End between packets, and the second End opens the next frame.
func (d *Decoder) Push(b byte) ([]byte, error) {
	if !d.inFrame {
		if b == End {
			d.inFrame = true
			d.frame = d.frame[:0]
			return nil, nil
		}
		if len(d.noise) < 4096 {
			d.noise = append(d.noise, b)
		}
		return nil, nil
	}
	if d.escaped {
		d.escaped = false
		switch b {
		case EscEnd:
			return d.add(End)
		case EscEsc:
			return d.add(Esc)
		default:
			d.inFrame = b == End
			d.frame = d.frame[:0]
			return nil, &EscapeError{Byte: b}
		}
	}
	switch b {
	case Esc:
		d.escaped = true
		return nil, nil
	case End:
		if len(d.frame) == 0 {
			return nil, nil // End End: stay in frame, this End opens it
		}
		d.inFrame = false
		return d.frame, nil
	default:
		return d.add(b)
	}
}

func (d *Decoder) add(b byte) ([]byte, error) {
	limit := d.MaxFrame
	if limit == 0 {
		limit = 64 << 10
	}
	if len(d.frame) >= limit {
		d.inFrame = false
		n := len(d.frame)
		d.frame = d.frame[:0]
		return nil, fmt.Errorf("slip: frame longer than %d bytes dropped (%d bytes so far)", limit, n)
	}
	d.frame = append(d.frame, b)
	return nil, nil
}

// InFrame reports whether a frame has been opened and not yet closed.
func (d *Decoder) InFrame() bool { return d.inFrame && len(d.frame) > 0 }

// Noise returns the bytes seen outside frames since the last Reset (at most
// 4 KiB): typically a boot log printed by the chip.
func (d *Decoder) Noise() []byte { return d.noise }

// Reset forgets any partial frame and the collected noise.
func (d *Decoder) Reset() {
	d.frame = d.frame[:0]
	d.inFrame = false
	d.escaped = false
	d.noise = d.noise[:0]
}
