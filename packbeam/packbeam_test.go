package packbeam

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/avmtool/avm/vm/beam"
)

var update = flag.Bool("update", false, "rewrite the golden archives in testdata/")

// fixture returns a committed .beam compiled by OTP 25 (scripts/gen-fixtures.sh).
func fixture(t testing.TB, module string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "otp25", module+".beam"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func module(t testing.TB, name string, opts StripOptions) *Entry {
	t.Helper()
	e, err := NewModule(name+".beam", fixture(t, name), opts)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// sample is an archive of the four test modules and two priv files.
func sample(t testing.TB, opts StripOptions) *Archive {
	t.Helper()
	a := &Archive{}
	for _, m := range []string{"pk_app", "pk_lib", "pk_cb", "pk_orphan"} {
		if err := a.Add(module(t, m, opts)); err != nil {
			t.Fatal(err)
		}
	}
	err := a.Add(NewFile("pk/priv/hello.txt", []byte("hello\n")), NewFile("pk/priv/empty", nil))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestBytesByHand checks an archive of one plain file against bytes
// written out from the format rules.
func TestBytesByHand(t *testing.T) {
	a := &Archive{Entries: []*Entry{NewFile("a/priv/x", []byte("hi!!!"))}}
	got, err := a.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	want := []byte("#!/usr/bin/env AtomVM\n\x00\x00" +
		// size 36 = 12 (header) + 12 ("a/priv/x" NUL, padded) + 12 (length 5, "hi!!!", 3 zeros)
		"\x00\x00\x00\x24" + "\x00\x00\x00\x04" + "\x00\x00\x00\x00" +
		"a/priv/x\x00\x00\x00\x00" +
		"\x00\x00\x00\x05" + "hi!!!\x00\x00\x00" +
		// the end entry
		"\x00\x00\x00\x00" + "\x00\x00\x00\x00" + "\x00\x00\x00\x00" + "end\x00")
	if !bytes.Equal(got, want) {
		t.Errorf("Bytes:\n got %q\nwant %q", got, want)
	}
	if a.Size() != len(want) {
		t.Errorf("Size = %d, want %d", a.Size(), len(want))
	}
}

// TestGolden compares archives built from the committed beams with
// testdata/*.avm, and checks the format rules on them independently of
// Read. Run with -update after an intended change.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		file string
		opts StripOptions
	}{
		{"sample.avm", StripOptions{}},
		{"sample-lines.avm", StripOptions{IncludeLines: true}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, err := sample(t, tc.opts).Bytes()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./packbeam -update to make it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from what the writer makes now (%d bytes, want %d); run go test ./packbeam -update if the change is intended", path, len(got), len(want))
			}
			checkRules(t, want, tc.opts.IncludeLines)
		})
	}
}

// checkRules walks an archive by the format rules, without Read.
func checkRules(t *testing.T, data []byte, lines bool) {
	t.Helper()
	if string(data[:24]) != "#!/usr/bin/env AtomVM\n\x00\x00" {
		t.Fatalf("header %q", data[:24])
	}
	u32 := func(at int) int { return int(binary.BigEndian.Uint32(data[at:])) }
	var names []string
	off := 24
	for u32(off) != 0 {
		size, flags := u32(off), u32(off+4)
		if size%4 != 0 || u32(off+8) != 0 {
			t.Fatalf("+%#x: size %d, reserved %d", off, size, u32(off+8))
		}
		name := string(data[off+12 : off+12+bytes.IndexByte(data[off+12:], 0)])
		content := off + 12 + (len(name)+4)&^3
		for i := off + 12 + len(name); i < content; i++ {
			if data[i] != 0 {
				t.Errorf("%s: name padding byte %d is %d", name, i, data[i])
			}
		}
		names = append(names, name)
		switch {
		case strings.HasSuffix(name, ".beam"):
			if flags&^1 != 2 {
				t.Errorf("%s: flags %#x", name, flags)
			}
			form := data[content : off+size]
			if string(form[:4]) != "FOR1" || u32(content+4) != len(form)-8 || string(form[8:12]) != "BEAM" {
				t.Errorf("%s: form header % x (entry content %d bytes)", name, form[:12], len(form))
			}
			var ids []string
			for p := 12; p < len(form); p += 8 + (int(binary.BigEndian.Uint32(form[p+4:]))+3)&^3 {
				ids = append(ids, string(form[p:p+4]))
			}
			want := []string{"AtU8", "Code", "ExpT", "LocT", "ImpT", "FunT", "StrT", "LitU"}
			if lines {
				want = []string{"AtU8", "Code", "ExpT", "LocT", "ImpT", "FunT", "StrT", "Line", "LitU"}
			}
			ids = slices.DeleteFunc(ids, func(id string) bool { return id == "FunT" || id == "LitU" })
			want = slices.DeleteFunc(want, func(id string) bool { return id == "FunT" || id == "LitU" })
			if !slices.Equal(ids, want) {
				t.Errorf("%s: chunks %v, want %v (FunT and LitU when the module has them)", name, ids, want)
			}
		default:
			if flags != 4 {
				t.Errorf("%s: flags %#x, want 4", name, flags)
			}
			n := u32(content)
			if want := 12 + (len(name)+4)&^3 + (4+n+3)&^3; size != want {
				t.Errorf("%s: size %d, want %d for %d bytes of file", name, size, want, n)
			}
		}
		off += size
	}
	if string(data[off:]) != "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00end\x00" {
		t.Errorf("end entry % x", data[off:])
	}
	want := []string{"pk_app.beam", "pk_lib.beam", "pk_cb.beam", "pk_orphan.beam", "pk/priv/hello.txt", "pk/priv/empty"}
	if !slices.Equal(names, want) {
		t.Errorf("entries %v, want %v", names, want)
	}
}

// TestRoundTrip reads back what Bytes writes, and writes it again.
func TestRoundTrip(t *testing.T) {
	a := sample(t, StripOptions{})
	data, err := a.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read("sample.avm", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != len(a.Entries) {
		t.Fatalf("read %d entries, wrote %d", len(b.Entries), len(a.Entries))
	}
	for i, e := range b.Entries {
		w := a.Entries[i]
		if e.Name != w.Name || e.Flags != w.Flags || !bytes.Equal(e.Data, w.Data) {
			t.Errorf("entry %d: read %s %#x %d bytes, wrote %s %#x %d bytes", i, e.Name, e.Flags, len(e.Data), w.Name, w.Flags, len(w.Data))
		}
	}
	again, _ := b.Bytes()
	if !bytes.Equal(again, data) {
		t.Error("writing what was read changes the archive")
	}
	if a.Size() != len(data) {
		t.Errorf("Size = %d, Bytes gives %d", a.Size(), len(data))
	}
	if got := b.Start().Name; got != "pk_app.beam" {
		t.Errorf("Start = %s, want pk_app.beam (the first of the two modules that export start/0)", got)
	}
	if data, ok := b.ReadPriv("pk", "hello.txt"); !ok || string(data) != "hello\n" {
		t.Errorf("ReadPriv(pk, hello.txt) = %q, %v", data, ok)
	}
	if data, ok := b.ReadPriv("pk", "empty"); !ok || len(data) != 0 {
		t.Errorf("ReadPriv(pk, empty) = %q, %v", data, ok)
	}
	if _, ok := b.ReadPriv("pk", "missing"); ok {
		t.Error("ReadPriv finds a missing file")
	}
	if b.Module("pk_cb") == nil || b.Module("pk/priv/hello.txt") != nil {
		t.Error("Module finds the wrong entries")
	}
}

// TestStrip checks that stripping keeps what the loader needs: the same
// atoms, code, imports, exports and literals as the original.
func TestStrip(t *testing.T) {
	dirs := []string{"testdata/otp25", "../vm/beam/testdata/otp25", "../vm/beam/testdata/otp29"}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.beam"))
		if len(files) == 0 {
			t.Fatalf("no beams in %s", dir)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			orig, err := beam.Parse(file, data)
			if err != nil {
				t.Fatal(err)
			}
			for _, lines := range []bool{false, true} {
				s, err := Strip(file, data, StripOptions{IncludeLines: lines})
				if err != nil {
					t.Fatalf("Strip: %v", err)
				}
				if len(s) > len(data) && orig.Literals == nil {
					t.Errorf("%s: stripped %d bytes > %d", file, len(s), len(data))
				}
				f, err := beam.Parse(file, s)
				if err != nil {
					t.Fatalf("stripped: %v", err)
				}
				if !reflect.DeepEqual(f.Atoms, orig.Atoms) || !reflect.DeepEqual(f.Code, orig.Code) ||
					!reflect.DeepEqual(f.Imports, orig.Imports) || !reflect.DeepEqual(f.Exports, orig.Exports) ||
					!reflect.DeepEqual(f.Literals, orig.Literals) || !reflect.DeepEqual(f.Funs, orig.Funs) {
					t.Errorf("%s: stripped module differs from the original", file)
				}
				if (f.Lines != nil) != (lines && orig.Lines != nil) || f.Attributes != nil || f.CompileInfo != nil {
					t.Errorf("%s (lines %v): kept Line %v, Attr %v, CInf %v", file, lines, f.Lines != nil, f.Attributes != nil, f.CompileInfo != nil)
				}
			}
		}
	}
}

// TestPackBEAMForm reads a module whose FOR1 size counts the whole form,
// as AtomVM's PackBEAM writes it.
func TestPackBEAMForm(t *testing.T) {
	e := module(t, "pk_cb", StripOptions{})
	a := &Archive{Entries: []*Entry{e}}
	data, _ := a.Bytes()
	at := 24 + 12 + 12 // header, entry header, "pk_cb.beam" padded
	binary.BigEndian.PutUint32(data[at+4:], uint32(len(e.Data)))
	b, err := Read("packbeam.avm", data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Entries[0].Data, e.Data) {
		t.Error("the form is not given back in the standard form")
	}
	if binary.BigEndian.Uint32(data[at+4:]) != uint32(len(e.Data)) {
		t.Error("Read modified its input")
	}
}

func TestEdit(t *testing.T) {
	a := sample(t, StripOptions{})
	if err := a.Add(module(t, "pk_cb", StripOptions{})); err == nil || err.Error() != "duplicate module pk_cb" {
		t.Errorf("Add of a duplicate: %v", err)
	}
	if err := a.Add(NewFile("pk/priv/hello.txt", nil)); err == nil || !strings.Contains(err.Error(), "duplicate file pk/priv/hello.txt") {
		t.Errorf("Add of a duplicate file: %v", err)
	}
	if err := a.SetStart("pk_lib"); err == nil || err.Error() != "start module pk_lib does not export start/0" {
		t.Errorf("SetStart(pk_lib): %v", err)
	}
	if err := a.SetStart("nope"); err == nil {
		t.Error("SetStart of a missing module succeeds")
	}
	if err := a.SetStart("pk_orphan"); err != nil {
		t.Fatal(err)
	}
	if a.Entries[0].Name != "pk_orphan.beam" || a.Start() != a.Entries[0] || a.Module("pk_app").IsStart() {
		t.Errorf("after SetStart: %v", names(a))
	}
	a.ClearStart()
	if a.Start() != nil {
		t.Error("ClearStart leaves a start module")
	}
	if _, err := a.Prune(); err == nil {
		t.Error("Prune without a start module succeeds")
	}
	missing := a.Delete("pk_orphan.beam", "pk/priv/empty", "nope")
	if !slices.Equal(missing, []string{"nope"}) || !slices.Equal(names(a), []string{"pk_app.beam", "pk_lib.beam", "pk_cb.beam", "pk/priv/hello.txt"}) {
		t.Errorf("Delete: missing %v, left %v", missing, names(a))
	}
}

func TestPrune(t *testing.T) {
	a := sample(t, StripOptions{})
	dropped, err := a.Prune()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(dropped, []string{"pk_orphan.beam"}) {
		t.Errorf("dropped %v, want [pk_orphan.beam]", dropped)
	}
	// pk_cb is named only in a literal of pk_lib.
	if want := []string{"pk_app.beam", "pk_lib.beam", "pk_cb.beam", "pk/priv/hello.txt", "pk/priv/empty"}; !slices.Equal(names(a), want) {
		t.Errorf("kept %v, want %v", names(a), want)
	}
	f, _ := beam.Parse("pk_lib", a.Module("pk_lib").Data)
	if slices.Contains(f.Atoms, "pk_cb") {
		t.Error("pk_lib names pk_cb in its atom table: the test no longer covers literals")
	}
}

func names(a *Archive) []string {
	var out []string
	for _, e := range a.Entries {
		out = append(out, e.Name)
	}
	return out
}

func TestReadErrors(t *testing.T) {
	good, err := sample(t, StripOptions{}).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	first := good[24:]
	// edit returns a copy of good with f applied.
	edit := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	put := func(at int, v uint32) []byte {
		return edit(func(b []byte) []byte { binary.BigEndian.PutUint32(b[at:], v); return b })
	}
	size0 := binary.BigEndian.Uint32(first)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "x.avm +0x0: not an AtomVM archive"},
		{"wrong magic", append([]byte("#!/usr/bin/env AtomVX\n\x00\x00"), good[24:]...), "+0x0: not an AtomVM archive"},
		{"a BEAM file", fixture(t, "pk_cb"), "+0x0: not an AtomVM archive"},
		{"header only", good[:24], "x.avm +0x18: truncated: the archive ends without an end entry"},
		{"truncated entry header", good[:30], "+0x18: truncated entry header: 6 bytes left, want 12"},
		{"truncated entry", good[:100], "+0x18: entry size " + itoa(size0) + " exceeds the 76 bytes left"},
		{"no end entry", good[:len(good)-16], "truncated: the archive ends without an end entry"},
		{"size past the end", put(24, 1<<31), "+0x18: entry size 2147483648 exceeds"},
		{"size too small", put(24, 8), "+0x18: entry size 8 is smaller than an entry header (16)"},
		{"size unaligned", put(24, size0-1), "+0x18: entry size " + itoa(size0-1) + " is not a multiple of 4"},
		{"name without NUL", edit(func(b []byte) []byte {
			copy(b[24+12:], "xxxxxxxxxxxxxxxx")
			binary.BigEndian.PutUint32(b[24:], 28)
			return b[:24+28]
		}), "+0x24: the entry's name has no NUL terminator"},
		{"empty name", edit(func(b []byte) []byte { b[24+12] = 0; return b }), "+0x24: the entry's name is empty"},
		{"module that is no BEAM", edit(func(b []byte) []byte { copy(b[24+12+12:], "FORX"); return b }), "+0x30: entry pk_app.beam: flagged as a module but not a BEAM file"},
		{"form size too big", put(24+12+12+4, size0), "+0x30: entry pk_app.beam: BEAM form size " + itoa(size0) + " exceeds"},
		{"file length too big", edit(func(b []byte) []byte {
			at := bytes.Index(b, []byte("pk/priv/hello.txt\x00")) + 20
			binary.BigEndian.PutUint32(b[at:], 9)
			return b
		}), "entry pk/priv/hello.txt: file length 9 exceeds the 8 bytes of the entry"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read("x.avm", tc.data)
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T), want a *FormatError", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error\n  %v\nwant it to contain\n  %s", err, tc.want)
			}
		})
	}
	// Leftovers after the end entry (a flash partition) are ignored.
	if _, err := Read("x.avm", append(append([]byte(nil), good...), 0xff, 0xff, 0xff)); err != nil {
		t.Errorf("bytes after the end entry: %v", err)
	}
}

func itoa(n uint32) string { return strconv.FormatUint(uint64(n), 10) }
