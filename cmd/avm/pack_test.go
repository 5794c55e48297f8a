package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avmtool/avm/packbeam"
)

func TestPrivPath(t *testing.T) {
	for _, tc := range []struct{ in, app, rest string }{
		{"myapp/priv/config.json", "myapp", "config.json"},
		{"_build/default/lib/myapp/priv/a/b.txt", "myapp", "a/b.txt"},
		{"/abs/myapp/priv/x", "myapp", "x"},
		{"priv/x", "", ""},
		{"./priv/x", "", ""},
		{"myapp/src/x.erl", "", ""},
		{"myapp/priv", "", ""},
	} {
		app, rest := privPath(tc.in)
		if app != tc.app || rest != tc.rest {
			t.Errorf("privPath(%q) = %q, %q; want %q, %q", tc.in, app, rest, tc.app, tc.rest)
		}
	}
	for in, want := range map[string]string{"myapp/priv": "myapp", "myapp/priv/": "myapp", "priv": "", "myapp/src": ""} {
		if got := privApp(in); got != want {
			t.Errorf("privApp(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int{"1M": 1 << 20, "512K": 512 << 10, "0x100000": 1 << 20, "4096": 4096, "0": 0, "2m": 2 << 20} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "M", "-1", "1G", "lots"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) succeeds", in)
		}
	}
}

// TestExtractStaysInside: entry names come from the archive, which may be
// hostile; extract writes nothing outside its directory.
func TestExtractStaysInside(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"../evil", "/tmp/evil", "a/../../evil"} {
		a := &packbeam.Archive{Entries: []*packbeam.Entry{packbeam.NewFile(name, []byte("x"))}}
		path := filepath.Join(dir, "escape.avm")
		if err := a.WriteFile(path); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		err := extractArchive(streams{Out: &out, Err: &out}, path, filepath.Join(dir, "out"), nil)
		if err == nil || !strings.Contains(err.Error(), "would be written outside") {
			t.Errorf("extract of %q: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "evil")); err == nil {
		t.Error("extract wrote outside its directory")
	}
}

// TestListWarnsOfFlagsZero: archives from old tools flag plain files 0,
// which hides the modules after them from AtomVM.
func TestListWarnsOfFlagsZero(t *testing.T) {
	a := &packbeam.Archive{Entries: []*packbeam.Entry{packbeam.NewFile("app/priv/x", []byte("x"))}}
	data, err := a.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	data[24+7] = 0 // the entry's flags: 4 → 0
	path := filepath.Join(t.TempDir(), "old.avm")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if err := listArchive(streams{Out: &out, Err: &errs}, path, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errs.String(), "plain file app/priv/x has flags 0") || !strings.Contains(out.String(), "app/priv/x  file  1") {
		t.Errorf("stdout %q, stderr %q", out.String(), errs.String())
	}
}
