package analysis

import (
	"context"
	"testing"

	"github.com/avmtool/avm/lsp/erlparse"
	"github.com/avmtool/avm/lsp/settings"
)

// FuzzCheck checks that any text parses and checks without panicking, into
// diagnostics and fixes that point inside the text.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"-module(m).\n-export([f/1]).\nf(X) -> io:format(\"~.16x~P\", [X, \"0x\", X, 3]), ets:new(a, []).",
		"-module(m).\n-define(F(A), io:format(A, [])).\nf() -> ?F(\"~p\"), ?F(.",
		"f(<<A:3/little-signed, B/bits>>) -> 99999999999999999999999.",
		"-on_load(i/0).\n-ifdef(X).\ng() -> fun lists:map/2, apply(m, f, [1 | T]).\n-endif.",
		"f() -> io:format(\"~", "f() -> io:format(\"~p\" \"~", "-record(r, {a = <<", "f() -> ?",
	} {
		f.Add(s)
	}
	cfg := settings.Default()
	cfg.Release = "0.6"
	f.Fuzz(func(t *testing.T, src string) {
		m := erlparse.Parse(src)
		diags, err := Check(context.Background(), m, Options{Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags {
			if d.Pos < 0 || d.End < d.Pos || d.End > len(src) || d.Message == "" || d.Code == "" {
				t.Fatalf("bad diagnostic %+v for %d bytes", d, len(src))
			}
			for _, fix := range d.Fixes {
				for _, e := range fix.Edits {
					if e.Pos < 0 || e.End < e.Pos || e.End > len(src) {
						t.Fatalf("bad edit %+v for %d bytes", e, len(src))
					}
				}
			}
		}
	})
}
