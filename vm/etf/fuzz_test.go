package etf

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// fakeFuns is a fun registry for fuzzing: every decoded fun identity gets a
// fun reference, its index here.
var fakeFuns struct {
	sync.Mutex
	ids []FunIdentity
}

func installFakeFuns() {
	FunResolve = func(id FunIdentity, numFree int) (uint64, bool) {
		if id.Module == "unknown" {
			return 0, false
		}
		fakeFuns.Lock()
		defer fakeFuns.Unlock()
		for i, x := range fakeFuns.ids {
			if x == id {
				return uint64(i), true
			}
		}
		fakeFuns.ids = append(fakeFuns.ids, id)
		return uint64(len(fakeFuns.ids) - 1), true
	}
	FunInfo = func(ref uint64) (FunIdentity, bool) {
		fakeFuns.Lock()
		defer fakeFuns.Unlock()
		if ref >= uint64(len(fakeFuns.ids)) {
			return FunIdentity{}, false
		}
		return fakeFuns.ids[ref], true
	}
}

func FuzzDecode(f *testing.F) {
	for _, c := range otpCases {
		if c.hex != "" {
			f.Add(unhex(c.hex))
		}
	}
	for _, c := range decodeCases {
		f.Add(unhex(strings.ReplaceAll(c.hex, " ", "")))
	}
	f.Add(unhex(strings.ReplaceAll(otpFunHex, " ", "")))
	defer func(i func(uint64) (FunIdentity, bool), r func(FunIdentity, int) (uint64, bool)) {
		FunInfo, FunResolve = i, r
	}(FunInfo, FunResolve)
	installFakeFuns()
	f.Fuzz(fuzzOne)
}

// fuzzOne checks that Decode fails cleanly or gives a term that round-trips.
func fuzzOne(t *testing.T, data []byte) {
	h := term.NewHeap(0)
	x, n, err := Decode(h, data, DecodeOptions{})
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is not an *Error", err)
		}
		return
	}
	if n < 2 || n > len(data) {
		t.Fatalf("used %d of %d bytes", n, len(data))
	}
	// Whatever decodes re-encodes, and the encoding is a fixed point.
	for _, o := range []EncodeOptions{{}, {MinorVersion: MinorVersion0}, {Compressed: 1, MinorVersion: MinorVersion2}} {
		b, err := Encode(nil, h, x, o)
		if err != nil {
			t.Fatalf("Encode(%s): %v", h.Format(x), err)
		}
		h2 := term.NewHeap(0)
		y, m, err := Decode(h2, b, DecodeOptions{Safe: true})
		if err != nil || m != len(b) {
			t.Fatalf("Decode(Encode(%s)) = %v, %d of %d bytes", h.Format(x), err, m, len(b))
		}
		if h.CompareExact(x, h.CopyFrom(h2, y)) != 0 {
			t.Fatalf("round trip of %s gave %s", h.Format(x), h2.Format(y))
		}
		b2, err := Encode(nil, h2, y, o)
		if err != nil || !bytes.Equal(b, b2) {
			t.Fatalf("re-encoding of %s differs: %v", h.Format(x), err)
		}
	}
}
