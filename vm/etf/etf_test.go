package etf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// otpCase is one term_to_binary result recorded from OTP (otp_cases_test.go).
type otpCase struct {
	opts   string // term_to_binary options, as Erlang text
	erl    string // the term, in the language of parseErl
	hex    string // term_to_binary(T, Opts), when short
	size   int    // ...or its size and SHA-256, when long
	sha256 string
	detHex string // term_to_binary(T, [deterministic | Opts]), when different
}

func encodeT(t *testing.T, h *term.Heap, x term.Term, o EncodeOptions) []byte {
	t.Helper()
	b, err := Encode(nil, h, x, o)
	if err != nil {
		t.Fatalf("Encode(%s): %v", h.Format(x), err)
	}
	return b
}

func unhex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// TestOTPEncode checks Encode byte for byte against term_to_binary.
func TestOTPEncode(t *testing.T) {
	zlibSame, zlibDiff := 0, 0
	for _, c := range otpCases {
		h := term.NewHeap(0)
		x := mustParse(h, c.erl)
		opts := parseOpts(h, c.opts)
		got := encodeT(t, h, x, opts)
		switch {
		case c.detHex != "":
			// Large maps: OTP's default order is its hash order; ours is
			// term_to_binary(T, [deterministic]).
			if want := unhex(c.detHex); !bytes.Equal(got, want) {
				t.Errorf("%s %s:\n got %x\nwant %x", c.opts, c.erl, got, want)
			}
		case c.hex == "":
			sum := sha256.Sum256(got)
			if len(got) != c.size || hex.EncodeToString(sum[:]) != c.sha256 {
				t.Errorf("%s %s: encoding of %d bytes differs from OTP's %d bytes", c.opts, c.erl, len(got), c.size)
			}
		case opts.Compressed > 0 && len(got) > 1 && got[1] == tagCompressed:
			want := unhex(c.hex)
			if len(want) < 2 || want[1] != tagCompressed {
				t.Errorf("%s %s: compressed, OTP did not compress", c.opts, c.erl)
				continue
			}
			if bytes.Equal(got, want) {
				zlibSame++
			} else {
				zlibDiff++
				t.Logf("%s %s: zlib output differs (Go %d bytes, OTP %d bytes)", c.opts, c.erl, len(got), len(want))
			}
		default:
			if want := unhex(c.hex); !bytes.Equal(got, want) {
				t.Errorf("%s %s:\n got %x\nwant %x", c.opts, c.erl, got, want)
			}
		}
	}
	t.Logf("compressed encodings identical to OTP's: %d, different: %d", zlibSame, zlibDiff)
}

// TestOTPDecode decodes what OTP wrote and compares with the term.
func TestOTPDecode(t *testing.T) {
	for _, c := range otpCases {
		for _, hx := range []string{c.hex, c.detHex} {
			if hx == "" {
				continue
			}
			h := term.NewHeap(0)
			want := mustParse(h, c.erl)
			data := unhex(hx)
			got, n, err := Decode(h, data, DecodeOptions{})
			if err != nil {
				t.Errorf("%s: Decode(%x): %v", c.erl, data, err)
				continue
			}
			if n != len(data) {
				t.Errorf("%s: used %d of %d bytes", c.erl, n, len(data))
			}
			if h.CompareExact(got, want) != 0 {
				t.Errorf("%s: decoded %s", c.erl, h.Format(got))
			}
			if _, _, err := Decode(h, data, DecodeOptions{Safe: true}); err != nil {
				t.Errorf("%s: safe Decode: %v", c.erl, err)
			}
		}
	}
}

// TestTruncated checks that every proper prefix of a valid encoding fails
// cleanly.
func TestTruncated(t *testing.T) {
	for _, c := range otpCases {
		if c.hex == "" {
			continue
		}
		data := unhex(c.hex)
		h := term.NewHeap(0)
		for i := range len(data) {
			if _, _, err := Decode(h, data[:i], DecodeOptions{}); err == nil {
				t.Errorf("%s: prefix of %d bytes decoded without error", c.erl, i)
			}
		}
	}
}

var roundTripTerms = []string{
	`{a, "ab", <<1>>, 1.5, -1, 300, pow(2, 70), #{a => 1}}`,
	`[1, 2.5, -7, pow(2, 64), -pow(2, 64), pow(7, 300), -pow(2, 59), pow(2, 59) - 1, -pow(2, 63), pow(2, 63)]`,
	`[[], {}, #{}, <<>>, "", '', [[]], {{}}]`,
	`#{1 => 1.0, 1.0 => 1, a => "a", "a" => a, <<"a">> => {a}, {a} => [a]}`,
	`map([{K, [K]} || K <- seq(1, 100)])`,
	`map([{{K}, <<K>>} || K <- seq(1, 200)])`,
	`<<1, 2, 3:5>>`,
	`{<<1:1>>, <<0:7>>, <<255:8>>, <<1:9>>, <<5:20>>}`,
	`[a | b]`,
	`[1, 2, 3 | <<4>>]`,
	`{fun lists:map/2, fun erlang:abs/1, fun 'λ':'ÿ'/255}`,
	`{pid(0, 0, 0), pid(0, 32767, 8191), pid(0, 1, 70000), port(0), port(4294967296), ref(0, 0, 0), ref(262143, 4294967295, 16383)}`,
	`['λ', 'ÿ', atom(dup(255, 955)), atom(dup(255, 120)), 'a b']`,
	`list_to_tuple(seq(1, 1000))`,
	`dup(70000, 1)`,
	`[dup(10, x) || _X <- seq(1, 10)]`,
	`"λ∀x"`,
	`[0.0, -0.0, 5.0e-324, 1.7976931348623157e308, 0.1]`,
}

func TestRoundTrip(t *testing.T) {
	opts := []EncodeOptions{{}, {MinorVersion: MinorVersion0}, {MinorVersion: MinorVersion2}, {Compressed: 6}, {Compressed: 1, MinorVersion: MinorVersion2}, {Compressed: 9}}
	for _, s := range roundTripTerms {
		for _, o := range opts {
			h := term.NewHeap(0)
			x := mustParse(h, s)
			b := encodeT(t, h, x, o)
			h2 := term.NewHeap(0)
			y, n, err := Decode(h2, b, DecodeOptions{})
			if err != nil {
				t.Errorf("%s %+v: %v", s, o, err)
				continue
			}
			if n != len(b) {
				t.Errorf("%s %+v: used %d of %d bytes", s, o, n, len(b))
			}
			if h.Format(x) != h2.Format(y) {
				t.Errorf("%s %+v: round trip gave %s", s, o, h2.Format(y))
			}
			if b2 := encodeT(t, h2, y, o); !bytes.Equal(b, b2) {
				t.Errorf("%s %+v: re-encoding differs", s, o)
			}
		}
	}
}

// TestEncodeAppends checks that Encode appends and leaves dst alone on error.
func TestEncodeAppends(t *testing.T) {
	h := term.NewHeap(0)
	b, err := Encode([]byte("xy"), h, term.MakeSmall(1), EncodeOptions{})
	if err != nil || string(b) != "xy\x83\x61\x01" {
		t.Fatalf("got %q, %v", b, err)
	}
	bad := h.Tuple(term.MakeSmall(1), h.MakeMatchState(h.MakeBinary([]byte{1})))
	b, err = Encode([]byte("xy"), h, bad, EncodeOptions{})
	if err == nil || string(b) != "xy" {
		t.Fatalf("match state: got %q, %v", b, err)
	}
	long := h.Tuple(term.Atom(strings.Repeat("x", 256)))
	if b, err := Encode(nil, h, long, EncodeOptions{}); err == nil {
		t.Errorf("atom of 256 characters encoded as %x", b)
	}
	if _, err := Encode(nil, h, term.Nil, EncodeOptions{MinorVersion: 3}); err == nil {
		t.Error("minor version 3 accepted")
	}
	if _, err := Encode(nil, h, term.Nil, EncodeOptions{Compressed: 10}); err == nil {
		t.Error("compression level 10 accepted")
	}
}

// decodeCases: results of binary_to_term in OTP 25 for odd or bad input
// ("" means badarg).
var decodeCases = []struct {
	hex  string
	want string
}{
	{"83610100", "1"}, // trailing bytes are ignored
	{"835a0003 64000d6e6f6e6f6465406e6f686f7374 00000000 0002cad8 f0500002 f9332419", ""}, // an OTP ref: 82 bits
	{"836c000000006a", "[]"},
	{"836c0000000061 01", "1"},
	{"836c00000001610 16c00000001610 26a", "[1,2]"},
	{"834d0000000000", "<<>>"},
	{"834d0000000008", ""},
	{"834d0000000003", ""},
	{"834d0000000100ff", ""},
	{"834d0000000109ff", ""},
	{"834d0000000103ff", "<<7:3>>"},
	{"834d0000000108ff", "<<255>>"},
	{"83740000000261016101610161 02", ""}, // duplicate key
	{"837400000002610261016101610 2", "#{1 => 2,2 => 1}"},
	{"837400000001 6a6a", "#{[] => []}"},
	{"83467ff0000000000000", ""}, // inf
	{"83467ff8000000000000", ""}, // NaN
	{"836e010000", "0"},
	{"836e0000", "0"},
	{"836e0001", "0"},
	{"836e02010500", "-5"},
	{"836e010205", "-5"},
	{"836e01ff05", "-5"},
	{"836f00000001 0005", "5"},
	{"836e080000000000000000 80", "9223372036854775808"},
	{"836e080100000000000000 80", "-9223372036854775808"},
	{"836e0900000000000000 0000 01", "18446744073709551616"},
	{"8364010078", ""}, // ATOM_EXT of 256 bytes (truncated anyway)
	{"837301ff", "'ÿ'"},
	{"83760002ffff", ""},
	{"837702c080", ""},   // overlong UTF-8
	{"837703eda080", ""}, // surrogate
	{"83640000", "''"},
	{"83760000", "''"},
	{"837700", "''"},
	{"8364000361 6263", "abc"},
	{"83730361 6263", "abc"},
	{"8376000361 6263", "abc"},
	{"83770361 6263", "abc"},
	{"8368016101", "{1}"},
	{"83690000000161 01", "{1}"},
	{"836900000000", "{}"},
	{"8368006101", "{}"},
	{"836b0000", "[]"},
	{"8371640001 6d640001 666101", "fun m:f/1"},
	{"8371640001 6d640001 6662000001 00", "fun m:f/256"},
	{"8371640001 6d640001 6662ffffffff", ""},
	{"8371640001 6d640001 666a", ""},
	{"8371610164000166 6101", ""},
	{"8371760001 6d770166 6101", "fun m:f/1"},
	{"836801 500000000278 9c4b640400 00c50063", ""}, // compressed inside a term
	{"8344", ""},
	{"835200", ""},
	{"8345", ""},
	{"82610 1", ""},
	{"83", ""},
	{"", ""},
	{"8375", ""},
	{"8379", ""},
	{"8383", ""},
	{"8300", ""},
	// compressed
	{"8350000000027 89c4b64040000c50063", "1"},
	{"8350000000037 89c4b64040000c50063", ""},
	{"8350000000017 89c4b64040000c50063", ""},
	{"8350000000037 89c4b6464070001 2f006a", "1"}, // decompressed data longer than its term
	{"835000000006 789c0b6000010001e60051", ""},   // compressed inside compressed
	{"835000000003 789c6b4e6404 00024f00e6", ""},  // version byte inside
	{"8350000000027 89c4b64040000c50064", ""},     // bad checksum
	{"8350000000027 89d4b64040000c50063", ""},     // bad header
	// pids, ports and references of nonode@nohost
	{"8358 64000d6e6f6e6f6465406e6f686f7374 ffffffff 00000000 00000000", ""},
	{"8358 64000d6e6f6e6f6465406e6f686f7374 00000005 00000007 00000000", "<0.5.7>"},
	{"8358 64000d6e6f6e6f6465406e6f686f7374 00007fff 00000000 00000000", "<0.32767.0>"},
	{"8358 64000d6e6f6e6f6465406e6f686f7374 00008000 00000000 00000000", ""},
	{"8358 64000d6e6f6e6f6465406e6f686f7374 00000001 00000000 00000001", ""}, // other creation
	{"8358 640004614062 62 00000001 00000000 00000000", ""},                  // other node
	{"8358 73 0d 6e6f6e6f6465406e6f686f7374 00000001 00000000 00000000", "<0.1.0>"},
	{"8358 77 0d 6e6f6e6f6465406e6f686f7374 00000001 00000000 00000000", "<0.1.0>"},
	{"8358 6101 00000001 00000000 00000000", ""},
	{"8367 64000d6e6f6e6f6465406e6f686f7374 00000005 00000000 00", "<0.5.0>"},
	{"8367 64000d6e6f6e6f6465406e6f686f7374 00008005 00000000 00", ""},
	{"8359 64000d6e6f6e6f6465406e6f686f7374 00000005 00000000", "#Port<0.5>"},
	{"8366 64000d6e6f6e6f6465406e6f686f7374 00000005 00", "#Port<0.5>"},
	{"8378 64000d6e6f6e6f6465406e6f686f7374 0000000000000005 00000000", "#Port<0.5>"},
	{"8378 64000d6e6f6e6f6465406e6f686f7374 0000000000000005 00000001", ""},
	{"835a0003 64000d6e6f6e6f6465406e6f686f7374 00000000 00000001 00000007 00000009", "#Ref<0.0.2359296.1835009>"},
	{"835a0003 64000d6e6f6e6f6465406e6f686f7374 00000000 0003ffff 00000001 00000001", "#Ref<0.0.262144.524287>"},
	{"835a0003 64000d6e6f6e6f6465406e6f686f7374 00000000 00040000 00000001 00000001", ""},
	{"835a0003 64000d6e6f6e6f6465406e6f686f7374 00000000 ffffffff 00000007 00000009", ""},
	{"835a0002 64000d6e6f6e6f6465406e6f686f7374 00000000 00000001 00000007", "#Ref<0.0.0.1835009>"},
	{"835a0001 64000d6e6f6e6f6465406e6f686f7374 00000000 00000001", "#Ref<0.0.0.1>"},
	{"835a0004 64000d6e6f6e6f6465406e6f686f7374 00000000 00000001 00000007 00000009 00000001", ""},
	{"835a0000 64000d6e6f6e6f6465406e6f686f7374 00000000", ""},
	{"835a0003 64000d6e6f6e6f6465406e6f686f7374 00000005 00000001 00000001 00000001", ""}, // other creation
	{"83720003 64000d6e6f6e6f6465406e6f686f7374 00 00000001 00000007 00000009", "#Ref<0.0.2359296.1835009>"},
	{"8365 64000d6e6f6e6f6465406e6f686f7374 00000001 00", "#Ref<0.0.0.1>"},
	// FLOAT_EXT strings
	{floatHex("1.5"), "1.5"},
	{floatHex("1.50000000000000000000e+00"), "1.5"},
	{floatHex("+1.5"), "1.5"},
	{floatHex("1.5E5"), "150000.0"},
	{floatHex("01.5"), "1.5"},
	{floatHex("1,5"), "1.5"},
	{floatHex("-0.0"), "-0.0"},
	{floatHex("1.5e0005"), "150000.0"},
	{floatHex("1.0e-400"), "0.0"},
	{floatHex("2.4703282292062328e-324"), "5.0e-324"},
	{floatHex("1.79769313486231580793e+308"), "1.7976931348623157e308"},
	{floatHex("1.79769313486231580794e+308"), ""},
	{floatHex("1."), ""},
	{floatHex("1.e5"), ""},
	{floatHex("1.5e"), ""},
	{floatHex(" 1.5"), ""},
	{floatHex("1.5 "), ""},
	{floatHex("1.5x"), ""},
	{floatHex("1e5"), ""},
	{floatHex("--1.5"), ""},
	{floatHex("-.5"), ""},
	{floatHex("1.5e99999"), ""},
	{floatHex("nan"), ""},
	{floatHex("inf"), ""},
	{floatHex("0x10"), ""},
	{floatHex(""), ""},
	{"8363" + hex.EncodeToString([]byte("1.00000000000000000000000000005")), ""}, // no NUL
	{"8363312e350100000000000000000000000000000000000000000000000000000000", ""},
	{"8363312e3500780000000000000000000000000000000000000000000000000000", "1.5"},
}

// floatHex is FLOAT_EXT of s, NUL-padded to 31 bytes.
func floatHex(s string) string {
	b := make([]byte, 31)
	copy(b, s)
	return "8363" + hex.EncodeToString(b)
}

func TestDecodeCases(t *testing.T) {
	for _, c := range decodeCases {
		data := unhex(strings.ReplaceAll(c.hex, " ", ""))
		h := term.NewHeap(0)
		got, _, err := Decode(h, data, DecodeOptions{})
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%x: decoded %s, want an error", data, h.Format(got))
		case c.want != "" && err != nil:
			t.Errorf("%x: %v", data, err)
		case c.want != "":
			// Compare with the parsed term where the text is Erlang, else
			// by the printed form (pids, ports, references).
			if w, perr := parseErl(h, c.want); perr == nil {
				if h.CompareExact(got, w) != 0 || h.IsFloat(w) && math.Signbit(h.FloatValue(got)) != math.Signbit(h.FloatValue(w)) {
					t.Errorf("%x: decoded %s, want %s", data, h.Format(got), c.want)
				}
			} else if h.Format(got) != c.want {
				t.Errorf("%x: decoded %s, want %s", data, h.Format(got), c.want)
			}
		}
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Errorf("%x: error %v is not an *Error", data, err)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, c := range []struct{ hex, msg string }{
		{"8358 640004614062 62 00000001 00000000 00000000", "offset 1: remote pid not supported (node a@bb, creation 0)"},
		{"846101", "offset 0: bad version byte 132"},
		{"83 68 02 61 01", "offset 5: truncated term"},
		{"83 6c 00100000 6a", "offset 6: truncated list of 1048576 elements"},
		{"83 6d ffffffff 00", "offset 6: truncated BINARY_EXT: need 4294967295 bytes, 1 left"},
		{"83 74 00000002 6101 6101 6101 6102", "offset 1: map has duplicate keys"},
		{"83 5200", "offset 1: atom cache reference not supported"},
		{"83 44", "offset 1: distribution header not supported"},
		{"83 6804 61016102 61036e", "offset 10: truncated SMALL_BIG_EXT"},
		{"8350000000037 89c4b6464070001 2f006a", ""},
		{"835000000006 789c0b6000010001e60051", "offset 0 of the decompressed data: compressed term inside a term"},
	} {
		data := unhex(strings.ReplaceAll(c.hex, " ", ""))
		_, _, err := Decode(term.NewHeap(0), data, DecodeOptions{})
		switch {
		case c.msg == "" && err != nil:
			t.Errorf("%x: %v", data, err)
		case c.msg != "" && (err == nil || !strings.Contains(err.Error(), c.msg)):
			t.Errorf("%x: error %v, want %q", data, err, c.msg)
		}
	}
}

func TestSafe(t *testing.T) {
	h := term.NewHeap(0)
	name := "etf_test_fresh_atom_7f3a"
	data := append([]byte{131, tagSmallAtomUTF8, byte(len(name))}, name...)
	if _, _, err := Decode(h, data, DecodeOptions{Safe: true}); err == nil || !strings.Contains(err.Error(), "safe") {
		t.Fatalf("safe decode of a new atom: %v", err)
	}
	if _, ok := term.ExistingAtom(name); ok {
		t.Fatal("safe decode created the atom")
	}
	x, _, err := Decode(h, data, DecodeOptions{})
	if err != nil || term.AtomName(x) != name {
		t.Fatalf("unsafe decode: %v", err)
	}
	if _, _, err := Decode(h, data, DecodeOptions{Safe: true}); err != nil {
		t.Fatalf("safe decode of an existing atom: %v", err)
	}
	// Export funs name atoms too.
	fn := "etf_test_fresh_fun_9c1b"
	exp := append(append([]byte{131, tagExport, tagSmallAtomUTF8, 5}, "lists"...), tagSmallAtomUTF8, byte(len(fn)))
	exp = append(append(exp, fn...), tagSmallInteger, 1)
	if _, _, err := Decode(h, exp, DecodeOptions{Safe: true}); err == nil {
		t.Fatal("safe decode of an export fun with a new atom")
	}
	// With ExportKnown, safe mode also wants the export entry to exist.
	defer func(f func(m, f term.Term, arity int) bool) { ExportKnown = f }(ExportKnown)
	ExportKnown = func(m, f term.Term, arity int) bool {
		return term.AtomName(m) == "lists" && term.AtomName(f) == "map" && arity == 2
	}
	for _, c := range []struct {
		hex string
		ok  bool
	}{
		{"8371 6400056c69737473 6400036d6170 6102", true},
		{"8371 6400056c69737473 6400036d6170 6109", false},
	} {
		data := unhex(strings.ReplaceAll(c.hex, " ", ""))
		if _, _, err := Decode(h, data, DecodeOptions{Safe: true}); (err == nil) != c.ok {
			t.Errorf("safe %x: %v", data, err)
		}
		if _, _, err := Decode(h, data, DecodeOptions{}); err != nil {
			t.Errorf("%x: %v", data, err)
		}
	}
}

// OTP 25's term_to_binary(t3:mk(7)) where t3:mk(X) -> fun(Y) -> {X, Y} end,
// from a process <0.9.0>.
const otpFunHex = "837000000048012 8ef7cb878aa45cf522467b60bdb2904000000000000000164000274336100620147 7be558 64000d6e6f6e6f6465406e6f686f7374 00000009 00000000 00000000 6107"

func TestLocalFuns(t *testing.T) {
	md5 := [16]byte{40, 239, 124, 184, 120, 170, 69, 207, 82, 36, 103, 182, 11, 219, 41, 4}
	want := FunIdentity{Module: "t3", Arity: 1, Index: 0, Uniq: md5, OldIndex: 0, OldUniq: 21461989}
	defer func(i func(uint64) (FunIdentity, bool), r func(FunIdentity, int) (uint64, bool)) {
		FunInfo, FunResolve = i, r
	}(FunInfo, FunResolve)
	data := unhex(strings.ReplaceAll(otpFunHex, " ", ""))
	h := term.NewHeap(0)
	FunInfo, FunResolve = nil, nil
	if _, _, err := Decode(h, data, DecodeOptions{}); err == nil {
		t.Fatal("decoded a local fun without FunResolve")
	}
	if _, err := Encode(nil, h, h.Closure(42, nil), EncodeOptions{}); err == nil {
		t.Fatal("encoded a local fun without FunInfo")
	}
	FunResolve = func(id FunIdentity, numFree int) (uint64, bool) {
		if id != want || numFree != 1 {
			t.Errorf("FunResolve(%+v, %d)", id, numFree)
			return 0, false
		}
		return 42, true
	}
	FunInfo = func(ref uint64) (FunIdentity, bool) { return want, ref == 42 }
	x, n, err := Decode(h, data, DecodeOptions{})
	if err != nil || n != len(data) {
		t.Fatalf("Decode: %v (%d of %d bytes)", err, n, len(data))
	}
	ref, free := h.ClosureParts(x)
	if ref != 42 || len(free) != 1 || free[0] != term.MakeSmall(7) {
		t.Fatalf("decoded %s", h.Format(x))
	}
	got := encodeT(t, h, x, EncodeOptions{})
	// Identical except for the creator pid, <0.9.0> in OTP, <0.0.0> here.
	exp := bytes.Clone(data)
	pid := bytes.Index(exp, []byte{0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0})
	exp[pid+3] = 0
	if !bytes.Equal(got, exp) {
		t.Fatalf("Encode:\n got %x\nwant %x", got, exp)
	}
	if _, err := Encode(nil, h, h.Closure(43, nil), EncodeOptions{}); err == nil {
		t.Fatal("encoded an unknown fun reference")
	}
	// Funs nest: a fun in a fun's environment, and a list around both.
	inner := h.Closure(42, []term.Term{term.MakeSmall(1)})
	outer := h.Closure(42, []term.Term{h.List(inner, inner)})
	b := encodeT(t, h, h.List(outer, term.Atom("end")), EncodeOptions{})
	y, _, err := Decode(h, b, DecodeOptions{})
	if err != nil || h.CompareExact(y, h.List(outer, term.Atom("end"))) != 0 {
		t.Fatalf("nested funs: %v %s", err, h.Format(y))
	}
	var sizes []uint32
	for i := 0; i+5 < len(b); i++ {
		if b[i] == tagNewFun && b[i+5] == 1 && bytes.Equal(b[i+6:i+22], md5[:]) {
			sizes = append(sizes, uint32(b[i+1])<<24|uint32(b[i+2])<<16|uint32(b[i+3])<<8|uint32(b[i+4]))
		}
	}
	if len(sizes) != 3 || sizes[0] <= sizes[1] || sizes[1] != sizes[2] {
		t.Fatalf("fun sizes %v", sizes)
	}
	FunResolve = func(FunIdentity, int) (uint64, bool) { return 0, false }
	if _, _, err := Decode(h, data, DecodeOptions{}); err == nil || !strings.Contains(err.Error(), "unknown local fun") {
		t.Fatalf("unresolvable fun: %v", err)
	}
}

// TestCompressedDecision checks OTP's rule: compress only when the
// compressed form, header included, is no longer than the plain one.
func TestCompressedDecision(t *testing.T) {
	h := term.NewHeap(0)
	for n := 0; n < 200; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i * i * 7 % 251)
		}
		x := h.MakeBinary(b)
		plain := encodeT(t, h, x, EncodeOptions{})
		z := encodeT(t, h, x, EncodeOptions{Compressed: 6})
		if len(z) > len(plain) {
			t.Fatalf("%d bytes: compressed form is longer", n)
		}
		y, _, err := Decode(h, z, DecodeOptions{})
		if err != nil || h.CompareExact(x, y) != 0 {
			t.Fatalf("%d bytes: %v", n, err)
		}
	}
}

func TestDeepTerms(t *testing.T) {
	if testing.Short() {
		t.Skip("deep terms")
	}
	const n = 1_000_000
	h := term.NewHeap(0)
	elems := make([]term.Term, n)
	for i := range elems {
		elems[i] = term.MakeSmall(int64(i))
	}
	long := h.List(elems...)
	nestedT, nestedL, nestedM := term.Nil, term.Nil, term.Nil
	for range n {
		nestedT = h.Tuple(nestedT)
		nestedL = h.Cons(nestedL, term.Nil)
	}
	for range 100_000 {
		nestedM = h.MapFromPairs([]term.Term{term.Atom("k")}, []term.Term{nestedM})
	}
	for name, x := range map[string]term.Term{"long list": long, "nested tuples": nestedT, "nested lists": nestedL, "nested maps": nestedM} {
		for _, o := range []EncodeOptions{{}, {Compressed: 1}} {
			b := encodeT(t, h, x, o)
			h2 := term.NewHeap(0)
			y, _, err := Decode(h2, b, DecodeOptions{})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if b2 := encodeT(t, h2, y, o); !bytes.Equal(b, b2) {
				t.Fatalf("%s: round trip differs", name)
			}
		}
	}
}

// TestHugeLengths: length fields far beyond the input fail before any
// allocation.
func TestHugeLengths(t *testing.T) {
	for _, hx := range []string{
		"8369ffffffff", "836cffffffff", "8374ffffffff", "836dffffffff", "834dffffffff08",
		"836fffffffff00", "835a ffff 64000d6e6f6e6f6465406e6f686f7374 00000000",
		"8372ffff64000d6e6f6e6f6465406e6f686f7374 00",
		"8370 00000000 01 00000000000000000000000000000000 00000000 ffffffff 6400016d 6100 6100 5864000d6e6f6e6f6465406e6f686f7374000000000000000000000000",
		"8350ffffffff789c4b640400 00c50063",
	} {
		data := unhex(strings.ReplaceAll(hx, " ", ""))
		allocs := testing.AllocsPerRun(5, func() {
			if _, _, err := Decode(term.NewHeap(0), data, DecodeOptions{}); err == nil {
				t.Fatalf("%x decoded", data)
			}
		})
		if allocs > 40 {
			t.Errorf("%x: %v allocations", data, allocs)
		}
	}
}

func TestOptionHelpers(t *testing.T) {
	for n, want := range map[int]int{0: MinorVersion0, 1: MinorVersion1, 2: MinorVersion2} {
		if got, ok := MinorVersionOption(n); !ok || got != want {
			t.Errorf("MinorVersionOption(%d) = %d, %v", n, got, ok)
		}
	}
	if _, ok := MinorVersionOption(3); ok {
		t.Error("MinorVersionOption(3) accepted")
	}
	h := term.NewHeap(0)
	f := h.Float(1.5)
	def := encodeT(t, h, f, EncodeOptions{})
	one := encodeT(t, h, f, EncodeOptions{MinorVersion: MinorVersion1})
	if !bytes.Equal(def, one) || def[1] != tagNewFloat {
		t.Errorf("default minor version: %x", def)
	}
}

func TestErrorString(t *testing.T) {
	e := &Error{Offset: 3, Msg: "x"}
	if e.Error() != "etf: offset 3: x" {
		t.Error(e.Error())
	}
}

func benchTerm(h *term.Heap) term.Term {
	elems := make([]term.Term, 10000)
	for i := range elems {
		elems[i] = h.Tuple(term.Atom("item"), term.MakeSmall(int64(i)), h.Float(float64(i)/3), h.MakeBinary([]byte("payload")), h.List(term.MakeSmall(1), term.MakeSmall(2)))
	}
	return h.List(elems...)
}

func BenchmarkEncode(b *testing.B) {
	h := term.NewHeap(0)
	x := benchTerm(h)
	var buf []byte
	for b.Loop() {
		buf, _ = Encode(buf[:0], h, x, EncodeOptions{})
	}
	b.SetBytes(int64(len(buf)))
}

func BenchmarkDecode(b *testing.B) {
	h := term.NewHeap(0)
	data, _ := Encode(nil, h, benchTerm(h), EncodeOptions{})
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Decode(term.NewHeap(1<<16), data, DecodeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
