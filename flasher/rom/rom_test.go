package rom

import (
	"errors"
	"testing"
)

func TestRequestWireFormat(t *testing.T) {
	// esptool --trace shows READ_REG of 0x40001000 as 00 0a 04 00 00000000 00100040.
	got := Request{Op: ReadReg, Data: Words(0x40001000)}.Encode()
	want := []byte{0x00, 0x0A, 0x04, 0x00, 0, 0, 0, 0, 0x00, 0x10, 0x00, 0x40}
	if string(got) != string(want) {
		t.Fatalf("% x, want % x", got, want)
	}
	if Checksum([]byte{0xEF}) != 0 || Checksum(nil) != 0xEF {
		t.Error("checksum seed")
	}
}

func TestResponseRoundTrip(t *testing.T) {
	p := EncodeResponse(SPIFlashMD5, 7, []byte("0123456789abcdef0123456789abcdef"), 0, 0, StatusSizeROM)
	r, err := ParseResponse(p, StatusSizeROM)
	if err != nil || r.Op != SPIFlashMD5 || r.Value != 7 || string(r.Data) != "0123456789abcdef0123456789abcdef" || r.Status != 0 {
		t.Fatalf("%+v, %v", r, err)
	}
	p = EncodeResponse(FlashDeflData, 0, nil, 1, ErrBadCRC, StatusSizeROM)
	r, err = ParseResponse(p, StatusSizeROM)
	if err != nil || r.Status != 1 || r.Error != ErrBadCRC {
		t.Fatalf("%+v, %v", r, err)
	}
	se := &StatusError{Op: r.Op, Code: r.Error}
	if se.Error() != "FLASH_DEFL_DATA failed: bad checksum (0x07)" {
		t.Errorf("message %q", se.Error())
	}
}

func TestParseResponseRejects(t *testing.T) {
	for name, p := range map[string][]byte{
		"short":     {1, 8, 0},
		"direction": {0, 8, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		"length":    {1, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		"no status": {1, 8, 1, 0, 0, 0, 0, 0, 0},
	} {
		if _, err := ParseResponse(p, StatusSizeROM); err == nil {
			t.Errorf("%s: accepted % x", name, p)
		}
	}
	if _, err := ParseRequest([]byte{1, 2}); err == nil {
		t.Error("short request accepted")
	}
	var se *StatusError
	if errors.As(error(&StatusError{Code: ErrInvalidMessage}), &se) && !se.Unsupported() {
		t.Error("0x05 is the unsupported-command code")
	}
}

func FuzzParseResponse(f *testing.F) {
	f.Add(EncodeResponse(Sync, SyncValueROM, nil, 0, 0, StatusSizeROM), 4)
	f.Add(EncodeResponse(ReadFlashSlow, 0, make([]byte, 64), 0, 0, StatusSizeROM), 2)
	f.Add([]byte{1, 0x14, 2, 0, 0, 0, 0, 0, 1, 5}, 4)
	f.Fuzz(func(t *testing.T, p []byte, statusSize int) {
		if statusSize != StatusSizeROM {
			statusSize = StatusSizeStub
		}
		r, err := ParseResponse(p, statusSize)
		if err != nil {
			return
		}
		if r.Status == 0 {
			// A successful reply re-encodes to the same bytes.
			q := EncodeResponse(r.Op, r.Value, r.Data, 0, r.Error, statusSize)
			if len(q) != len(p) {
				t.Fatalf("re-encoded %d bytes from %d", len(q), len(p))
			}
		}
		ParseRequest(p)
	})
}
