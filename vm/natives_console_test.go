package vm

import (
	"bytes"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// console and atomvm have no OTP counterpart to compare with: their
// results are checked here.

func TestConsoleWritesToStdout(t *testing.T) {
	var out bytes.Buffer
	p := newTestMachineProcess(&out)
	for _, c := range []struct{ f, args, want string }{
		{"print", `["hello "]`, "ok"},
		{"puts", `[[<<"wor">>, $l | <<"d">>]]`, "ok"},
		{"puts", `[<0.1.0>, [10, <<226, 130, 172>>, 10]]`, "ok"},
		{"print", `[foo]`, "error:badarg"},
		{"puts", `[[256]]`, "error:badarg"},
		{"puts", `[foo, "x"]`, "error:badarg"},
		{"flush", `[]`, "ok"},
		{"flush", `[<0.1.0>]`, "ok"},
	} {
		if got := callNative(t, p, "console", c.f, c.args); got != c.want {
			t.Errorf("console:%s%s = %s, want %s", c.f, c.args, got, c.want)
		}
	}
	if got, want := out.String(), "hello world\n€\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
}

func TestAtomvmPlatformAndRandom(t *testing.T) {
	p := newTestMachineProcess(&bytes.Buffer{})
	if got := callNative(t, p, "atomvm", "platform", `[]`); got != "generic_unix" {
		t.Errorf("platform() = %s", got)
	}
	seen := map[int64]bool{}
	for i := 0; i < 8; i++ {
		r := lookupNative(term.Atom("atomvm"), term.Atom("random"), 0).Fn(p, nil)
		if !r.IsSmall() || r.Small() < 0 || r.Small() >= 1<<32 {
			t.Fatalf("random() = %s, want an unsigned 32-bit integer", p.heap.Format(r))
		}
		seen[r.Small()] = true
	}
	if len(seen) < 2 {
		t.Errorf("random() gave the same value 8 times")
	}
	b := lookupNative(term.Atom("atomvm"), term.Atom("rand_bytes"), 1).Fn(p, []term.Term{term.MakeSmall(5)})
	if data, ok := p.heap.BinaryBytes(b); !ok || len(data) != 5 {
		t.Errorf("rand_bytes(5) = %s", p.heap.Format(b))
	}
	for _, arg := range []string{`[-1]`, `[a]`, `[1.0]`} {
		if got := callNative(t, p, "atomvm", "rand_bytes", arg); got != "error:badarg" {
			t.Errorf("rand_bytes(%s) = %s, want error:badarg", arg, got)
		}
	}
}
