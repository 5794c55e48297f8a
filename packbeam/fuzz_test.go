package packbeam

import (
	"bytes"
	"errors"
	"testing"

	"github.com/avmtool/avm/vm/beam"
)

// FuzzRead feeds Read arbitrary bytes: it must return an archive or a
// *FormatError, never panic, and what it reads must survive a round trip.
// Run it with: go test -run '^$' -fuzz=FuzzRead -fuzztime=60s ./packbeam
func FuzzRead(f *testing.F) {
	good, err := sample(f, StripOptions{}).Bytes()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	for _, n := range []int{0, 23, 24, 30, 36, 48, 100, len(good) / 2, len(good) - 16, len(good) - 1} {
		f.Add(good[:n])
	}
	small, _ := (&Archive{Entries: []*Entry{NewFile("a/priv/x", []byte("hi"))}}).Bytes()
	f.Add(small)
	f.Add([]byte(Header))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read("fuzz.avm", data)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is a %T, want *FormatError", err, err)
			}
			return
		}
		out, err := a.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		b, err := Read("again.avm", out)
		if err != nil {
			t.Fatalf("reading what was written: %v", err)
		}
		if len(b.Entries) != len(a.Entries) {
			t.Fatalf("%d entries, then %d", len(a.Entries), len(b.Entries))
		}
		for i, e := range b.Entries {
			if e.Name != a.Entries[i].Name || !bytes.Equal(e.Data, a.Entries[i].Data) {
				t.Fatalf("entry %d changed in the round trip", i)
			}
		}
		for _, e := range a.Entries {
			if e.IsBEAM() {
				references(e) // must not panic, whatever the module holds
			}
		}
	})
}

// FuzzLiteralAtoms feeds the literal walker of Prune arbitrary terms.
func FuzzLiteralAtoms(f *testing.F) {
	f.Add([]byte{131, 104, 2, 119, 5, 'p', 'k', '_', 'c', 'b', 97, 1})      // {pk_cb, 1}
	f.Add([]byte{131, 108, 0, 0, 0, 1, 100, 0, 1, 'a', 106})                // [a]
	f.Add([]byte{131, 116, 0, 0, 0, 1, 119, 1, 'k', 109, 0, 0, 0, 1, 'v'})  // #{k => <<"v">>}
	f.Add([]byte{131, 113, 119, 1, 'm', 119, 1, 'f', 97, 0})                // fun m:f/0
	f.Add([]byte{131, 88, 119, 1, 'n', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}) // a pid
	f.Fuzz(func(t *testing.T, data []byte) {
		literalAtoms(data, func(string) {})
	})
}

// FuzzPruneFunctions feeds PruneFunctions arbitrary modules and root sets:
// it must return an error or a module that parses again, never panic.
// Run it with: go test -run '^$' -fuzz=FuzzPruneFunctions -fuzztime=60s ./packbeam
func FuzzPruneFunctions(f *testing.F) {
	for _, e := range sample(f, StripOptions{IncludeLines: true}).Entries {
		if e.IsBEAM() {
			f.Add(e.Data, uint64(1))
			f.Add(e.Data, uint64(0xffff))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, mask uint64) {
		i := 0
		res, err := PruneFunctions("fuzz.beam", data, func(string, int) bool {
			i++
			return mask>>(i%64)&1 == 1
		})
		if err != nil {
			return
		}
		if _, err := beam.Parse("pruned.beam", res.Data); err != nil {
			t.Fatalf("the pruned module does not parse: %v", err)
		}
	})
}
