package format

import (
	"errors"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// The conformance programs vm/testdata/conformance/stdlib_io_*.erl compare
// io_lib against OTP over large matrices; these tests pin down a few cases
// of each kind (expected texts printed by OTP 25) and measure speed.

func str(h *term.Heap, s string) term.Term {
	var elems []term.Term
	for _, c := range s {
		elems = append(elems, term.MakeSmall(int64(c)))
	}
	return h.List(elems...)
}

func format(t *testing.T, h *term.Heap, f string, args ...term.Term) (string, error) {
	t.Helper()
	out, err := Format(nil, h, str(h, f), h.List(args...))
	return string(out), err
}

func TestFormat(t *testing.T) {
	h := term.NewHeap(1024)
	seq := func(n int) term.Term {
		var elems []term.Term
		for i := 1; i <= n; i++ {
			elems = append(elems, term.MakeSmall(int64(i)))
		}
		return h.List(elems...)
	}
	ok := term.Atom("ok")
	tests := []struct {
		f    string
		args []term.Term
		want string
	}{
		{"hello~n", nil, "hello\n"},
		{"~w ~s ~b", []term.Term{ok, str(h, "abc"), term.MakeSmall(-42)}, "ok abc -42"},
		{"~4..0w-~2..0w", []term.Term{term.MakeSmall(7), term.MakeSmall(3)}, "0007-03"},
		{"~-7s|~7s|", []term.Term{str(h, "info"), str(h, "info")}, "info   |   info|"},
		{"~3w", []term.Term{term.MakeSmall(12345)}, "***"},
		{"~.16B ~.16x ~.2#", []term.Term{term.MakeSmall(255), term.MakeSmall(-255), str(h, "0x"), term.MakeSmall(5)}, "FF -0xff 2#101"},
		{"~.2f ~e ~g", []term.Term{h.Float(3.14159), h.Float(1.0), h.Float(0.5)}, "3.14 1.00000e+0 0.500000"},
		{"~p", []term.Term{h.Tuple(ok, str(h, "str"), h.MakeBinary([]byte("bin")), h.Float(0.1))}, `{ok,"str",<<"bin">>,0.1}`},
		{"~p", []term.Term{seq(30)}, "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n 29,30]"},
		{"~p", []term.Term{h.Tuple(term.Atom("state"), seq(30))}, "{state,[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,\n        27,28,29,30]}"},
		{"~P", []term.Term{seq(10), term.MakeSmall(4)}, "[1,2,3|...]"},
		{"~tp ~p", []term.Term{str(h, "é"), term.Atom("a b")}, "\"é\" 'a b'"},
	}
	for _, tc := range tests {
		got, err := format(t, h, tc.f, tc.args...)
		if err != nil || got != tc.want {
			t.Errorf("format(%q) = %q, %v; want %q", tc.f, got, err, tc.want)
		}
	}
}

func TestFormatLimit(t *testing.T) {
	h := term.NewHeap(1024)
	var elems []term.Term
	for i := 1; i <= 100; i++ {
		elems = append(elems, term.MakeSmall(int64(i)))
	}
	seq := h.List(elems...)
	tests := []struct {
		f     string
		args  []term.Term
		limit int
		want  string
	}{
		{"~p", []term.Term{seq}, 20, "[1,2,3,4,5,6,7,8|...]"},
		{"x ~p y ~w", []term.Term{seq, h.Tuple(term.Atom("state"), seq)}, 20, "x [1|...] y {state,...}"},
		{"~s|~s", []term.Term{str(h, "hello world"), str(h, "abc")}, 20, "hello ...|abc"},
		{"~p", []term.Term{seq}, 0, "..."},
	}
	for _, tc := range tests {
		out, err := FormatLimit(nil, h, str(h, tc.f), h.List(tc.args...), tc.limit)
		if err != nil || string(out) != tc.want {
			t.Errorf("FormatLimit(%q, %d) = %q, %v; want %q", tc.f, tc.limit, string(out), err, tc.want)
		}
	}
}

func TestFormatErrors(t *testing.T) {
	h := term.NewHeap(1024)
	a := term.Atom("a")
	tests := []struct {
		f    string
		args []term.Term
	}{
		{"~w", nil},                            // missing argument
		{"~w", []term.Term{a, a}},              // extra argument
		{"~z", []term.Term{a}},                 // unknown control character
		{"~s", []term.Term{term.MakeSmall(1)}}, // not characters
		{"~e", []term.Term{term.MakeSmall(1)}}, // not a float
		{"~.1b", []term.Term{term.MakeSmall(1)}},
		{"~-p", []term.Term{a}},
		{"~", nil},
	}
	for _, tc := range tests {
		if got, err := format(t, h, tc.f, tc.args...); !errors.Is(err, ErrBadArg) {
			t.Errorf("format(%q) = %q, %v; want ErrBadArg", tc.f, got, err)
		}
	}
}

// logLine is a typical logger line: a timestamp with padded fields, a
// level, a term and a message.
func logLine(h *term.Heap) (f, args term.Term) {
	f = str(h, "~4..0w-~2..0w-~2..0wT~2..0w:~2..0w:~2..0w.~3..0w ~-7s ~p: ~s (request ~b, ~.2f ms, peer ~w)~n")
	args = h.List(term.MakeSmall(2026), term.MakeSmall(7), term.MakeSmall(4), term.MakeSmall(18),
		term.MakeSmall(34), term.MakeSmall(56), term.MakeSmall(387), str(h, "info"),
		h.Tuple(term.Atom("conn_handler"), term.MakeSmall(3)), str(h, "connection closed"),
		term.MakeSmall(31000), h.Float(76.923), h.Tuple(term.MakeSmall(127), term.MakeSmall(0), term.MakeSmall(0), term.MakeSmall(1)))
	return f, args
}

func BenchmarkFormatLogLine(b *testing.B) {
	h := term.NewHeap(1024)
	f, args := logLine(h)
	b.ReportAllocs()
	var out Text
	for b.Loop() {
		var err error
		if out, err = Format(out[:0], h, f, args); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFormatPretty(b *testing.B) {
	h := term.NewHeap(1024)
	var elems []term.Term
	for i := 0; i < 40; i++ {
		elems = append(elems, h.Tuple(term.Atom("key"), term.MakeSmall(int64(i)), str(h, "value")))
	}
	f, args := str(h, "~p~n"), h.List(h.List(elems...))
	b.ReportAllocs()
	var out Text
	for b.Loop() {
		var err error
		if out, err = Format(out[:0], h, f, args); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzFormat runs io_lib:format with arbitrary format strings over a mix of
// arguments: it must return text or ErrBadArg, never panic.
func FuzzFormat(f *testing.F) {
	for _, s := range []string{"~p~n", "~10.3.0w|~-*s", "~tp ~P ~W", "~.16#~x~X", "~e~f~g", "~*.*.*c", "~~~i~n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h := term.NewHeap(256)
		args := []term.Term{
			term.MakeSmall(12), str(h, "text"), h.Float(2.5), term.Atom("a"),
			h.Tuple(term.Atom("t"), h.List(term.MakeSmall(1), term.MakeSmall(2))), h.MakeBinary([]byte("bin")),
			term.MakeSmall(-3), str(h, "0x"),
		}
		// Use as many arguments as the format has control sequences.
		n := 0
		for _, c := range s {
			if c == '~' {
				n++
			}
		}
		var argv []term.Term
		for i := 0; i < n*2; i++ {
			argv = append(argv, args[i%len(args)])
		}
		for k := 0; k <= len(argv); k++ {
			for _, limit := range []int{-1, 0, 7} {
				if _, err := FormatLimit(nil, h, str(h, s), h.List(argv[:k]...), limit); err != nil && !errors.Is(err, ErrBadArg) {
					t.Fatalf("FormatLimit(%q, %d): %v", s, limit, err)
				}
			}
		}
	})
}

// TestFormatConcurrent formats from several goroutines at once: printers
// and scratch buffers are shared through free lists.
func TestFormatConcurrent(t *testing.T) {
	const workers = 4
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		go func() {
			h := term.NewHeap(1024)
			f, args := logLine(h)
			want, err := Format(nil, h, f, args)
			for i := 0; i < 200 && err == nil; i++ {
				var got Text
				if got, err = Format(nil, h, f, args); err == nil && string(got) != string(want) {
					err = errors.New("output changed: " + string(got))
				}
			}
			errs <- err
		}()
	}
	for w := 0; w < workers; w++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
