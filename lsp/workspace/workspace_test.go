package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avmtool/avm/lsp/erlparse"
)

func TestIndex(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"src/a.erl":                        "-module(a).\n-export([f/1]).\nf(X) -> g(X).\ng(X) -> X.\n",
		"apps/b/src/b.erl":                 "-module(b).\n-compile(export_all).\nh() -> ok.\n",
		"_build/default/lib/dep/src/d.erl": "-module(d).\n-export([x/0]).\nx() -> 1.\n",
		"_build/default/lib/a/src/a.erl":   "-module(a).\n-export([old/0]).\nold() -> 1.\n",
		".hidden/z.erl":                    "-module(z).\n",
		"deps/e/src/e.erl":                 "-module(e).\n-export([y/0]).\ny() -> 2.\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := New()
	if err := ix.Load(dir); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ix.Modules(), " "); got != "a b d e" {
		t.Errorf("modules %q, want a b d e", got)
	}
	a := ix.Lookup("a")
	if a == nil || a.Dep || filepath.Base(filepath.Dir(a.Path)) != "src" || a.Path != filepath.Join(dir, "src", "a.erl") {
		t.Fatalf("a resolves to %+v, want the project's src/a.erl over the _build copy", a)
	}
	if f, ok := a.Func(erlparse.FA{Name: "f", Arity: 1}); !ok || !f.Exported || f.Heads[0] != "f(X)" {
		t.Errorf("a:f/1 = %+v", f)
	}
	if f, ok := a.Func(erlparse.FA{Name: "g", Arity: 1}); !ok || f.Exported {
		t.Errorf("a:g/1 = %+v", f)
	}
	if b := ix.Lookup("b"); b == nil || len(b.Exports()) != 1 {
		t.Errorf("export_all module b: %+v", b)
	}
	if d := ix.Lookup("d"); d == nil || !d.Dep {
		t.Errorf("dependency d: %+v", d)
	}

	// Replacing a file reports whether its exports changed.
	path := filepath.Join(dir, "src", "a.erl")
	same := Summarize(path, false, erlparse.Parse("-module(a).\n-export([f/1]).\nf(Y) -> Y.\n"))
	if ix.Put(same) {
		t.Error("same exports reported as a change")
	}
	renamed := Summarize(path, false, erlparse.Parse("-module(a2).\n-export([f/1]).\nf(Y) -> Y.\n"))
	if !ix.Put(renamed) || ix.Lookup("a2") == nil || ix.Lookup("a").Path == path {
		t.Error("renaming the module is not reflected")
	}
}
