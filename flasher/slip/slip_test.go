package slip

import (
	"bytes"
	"testing"
)

func decodeAll(d *Decoder, stream []byte) [][]byte {
	var frames [][]byte
	for _, b := range stream {
		if f, err := d.Push(b); err == nil && f != nil {
			frames = append(frames, append([]byte(nil), f...))
		}
	}
	return frames
}

func TestEncodeEscapes(t *testing.T) {
	got := Encode(nil, []byte{1, End, 2, Esc, 3})
	want := []byte{End, 1, Esc, EscEnd, 2, Esc, EscEsc, 3, End}
	if !bytes.Equal(got, want) {
		t.Fatalf("Encode = % x, want % x", got, want)
	}
}

func TestDecoderSkipsNoiseAndEmptyFrames(t *testing.T) {
	var d Decoder
	stream := append([]byte("rst:0x1 boot:0x3\r\nwaiting for download\r\n"), End, End)
	stream = append(stream, Encode(nil, []byte{0xAA, End})...)
	stream = append(stream, Encode(nil, []byte{0xBB})...)
	frames := decodeAll(&d, stream)
	if len(frames) != 2 || !bytes.Equal(frames[0], []byte{0xAA, End}) || !bytes.Equal(frames[1], []byte{0xBB}) {
		t.Fatalf("frames = %x", frames)
	}
	if !bytes.Contains(d.Noise(), []byte("waiting for download")) {
		t.Errorf("noise = %q", d.Noise())
	}
}

func TestDecoderBadEscape(t *testing.T) {
	var d Decoder
	var sawErr bool
	for _, b := range []byte{End, 1, Esc, 0x42, 2, End} {
		if _, err := d.Push(b); err != nil {
			sawErr = true
		}
	}
	if !sawErr {
		t.Fatal("invalid escape not reported")
	}
	if f := decodeAll(&d, Encode(nil, []byte{7})); len(f) != 1 {
		t.Fatalf("decoder did not recover: %x", f)
	}
}

func FuzzDecoder(f *testing.F) {
	f.Add([]byte{End, 1, 2, End})
	f.Add([]byte("boot:0x13\r\n\xc0\x01\x08\x04\x00\x07\x07\x12\x20\x00\x00\x00\x00\xc0"))
	f.Add([]byte{End, Esc, End, Esc})
	f.Fuzz(func(t *testing.T, stream []byte) {
		var d Decoder
		d.MaxFrame = 512
		for _, fr := range decodeAll(&d, stream) {
			// Every frame survives a round trip.
			var d2 Decoder
			got := decodeAll(&d2, Encode(nil, fr))
			if len(got) != 1 || !bytes.Equal(got[0], fr) {
				t.Fatalf("round trip of % x gave %x", fr, got)
			}
		}
	})
}
