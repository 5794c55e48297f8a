package beam

import (
	"bytes"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// encodeTerm encodes n with tag the way erlc does (beam_asm:encode/2): the
// one-byte form below 16, the two-byte form below 2048, and otherwise the
// shortest two's complement bytes (at least two), with a nested length
// beyond eight bytes.
func encodeTerm(tag byte, n *big.Int) []byte {
	switch {
	case n.Sign() >= 0 && n.Cmp(big.NewInt(16)) < 0:
		return []byte{byte(n.Int64())<<4 | tag}
	case n.Sign() >= 0 && n.Cmp(big.NewInt(2048)) < 0:
		v := n.Int64()
		return []byte{byte(v>>3)&0xe0 | 0x08 | tag, byte(v)}
	}
	digits := twosComplement(n)
	if len(digits) <= 8 {
		return append([]byte{byte(len(digits)-2)<<5 | 0x18 | tag}, digits...)
	}
	prefix := append([]byte{0xf8 | tag}, encodeTerm(tagU, big.NewInt(int64(len(digits)-9)))...)
	return append(prefix, digits...)
}

// twosComplement returns the shortest big-endian two's complement bytes of
// n, at least two.
func twosComplement(n *big.Int) []byte {
	for size := 2; ; size++ {
		limit := new(big.Int).Lsh(big.NewInt(1), uint(8*size-1)) // 2^(8·size-1)
		if n.Cmp(limit) < 0 && n.Cmp(new(big.Int).Neg(limit)) >= 0 {
			v := new(big.Int).Set(n)
			if v.Sign() < 0 {
				v.Add(v, new(big.Int).Lsh(limit, 1))
			}
			return v.FillBytes(make([]byte, size))
		}
	}
}

func bigPow2(exp uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), exp) }

func bigInt(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 0)
	if !ok {
		panic("bad number " + s)
	}
	return n
}

// The worked examples of vm.md §1.3, from the comments in beam_disasm.erl.
var integerExamples = []struct {
	n     int64
	bytes []byte
}{
	{5, []byte{0x51}},
	{1000, []byte{0x69, 0xe8}},
	{2047, []byte{0xe9, 0xff}},
	{2048, []byte{0x19, 0x08, 0x00}},
	{-1, []byte{0x19, 0xff, 0xff}},
	{-4294967295, []byte{0x79, 0xff, 0x00, 0x00, 0x00, 0x01}},
	{4294967295, []byte{0x79, 0x00, 0xff, 0xff, 0xff, 0xff}},
	{429496729501, []byte{0x79, 0x63, 0xff, 0xff, 0xff, 0x9d}},
}

func TestTermWorkedExamples(t *testing.T) {
	for _, ex := range integerExamples {
		r := reader{data: ex.bytes}
		got, err := r.term()
		if err != nil || got.tag != tagI || got.val != ex.n || got.big != nil || r.remaining() != 0 {
			t.Errorf("% x: got %v (%d bytes left), %v; want i(%d)", ex.bytes, got, r.remaining(), err, ex.n)
		}
		if enc := encodeTerm(tagI, big.NewInt(ex.n)); !bytes.Equal(enc, ex.bytes) {
			t.Errorf("test encoder: %d encodes as % x, want % x", ex.n, enc, ex.bytes)
		}
	}
}

// TestTermRoundTrip decodes what encodeTerm encodes, for the boundaries of
// every form and of int64, and for random numbers of up to 2100 bytes
// (nested lengths whose own length takes one, two and three bytes).
func TestTermRoundTrip(t *testing.T) {
	numbers := []*big.Int{
		big.NewInt(0), big.NewInt(15), big.NewInt(16), big.NewInt(2047), big.NewInt(2048),
		big.NewInt(32767), big.NewInt(32768), big.NewInt(-1), big.NewInt(-2048),
		big.NewInt(-32768), big.NewInt(-32769),
		big.NewInt(math.MaxInt64), big.NewInt(math.MinInt64),
		bigInt("9223372036854775808"), bigInt("-9223372036854775809"),
		bigPow2(64), new(big.Int).Neg(bigPow2(64)), bigPow2(127), bigPow2(1000), bigPow2(8 * 2100),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		digits := make([]byte, 1+rng.IntN(40))
		for i := range digits {
			digits[i] = byte(rng.Uint32())
		}
		n := new(big.Int).SetBytes(digits)
		if rng.IntN(2) == 0 {
			n.Neg(n)
		}
		numbers = append(numbers, n)
	}
	for _, n := range numbers {
		tags := []byte{tagI}
		if n.Sign() >= 0 {
			tags = append(tags, tagU)
		}
		for _, tag := range tags {
			r := reader{data: encodeTerm(tag, n)}
			got, err := r.term()
			if err != nil {
				t.Fatalf("%c(%v): %v", tagLetters[tag], n, err)
			}
			if got.tag != tag || r.remaining() != 0 || !reflect.DeepEqual(got, wantTerm(tag, n)) {
				t.Errorf("%c(%v): decoded %v, %d bytes left", tagLetters[tag], n, got, r.remaining())
			}
		}
	}
}

// wantTerm is the term that decodes from n: Val if n fits in int64, else Big.
func wantTerm(tag byte, n *big.Int) term {
	if n.IsInt64() {
		return term{tag: tag, val: n.Int64()}
	}
	return term{tag: tag, big: n}
}

// TestTermUnsigned checks that only tag i numbers are two's complement.
func TestTermUnsigned(t *testing.T) {
	allOnes := []byte{0xf8, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff} // nine bytes of 0xff
	for _, tc := range []struct {
		data []byte
		want *big.Int
	}{
		{[]byte{0x18, 0xff, 0xff}, big.NewInt(65535)},
		{[]byte{0xd8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, bigInt("18446744073709551615")},
		{allOnes, bigInt("0xffffffffffffffffff")},
		{append([]byte{allOnes[0] | tagI}, allOnes[1:]...), big.NewInt(-1)},
		{[]byte{0x19, 0xff, 0xff}, big.NewInt(-1)},
	} {
		r := reader{data: tc.data}
		got, err := r.term()
		if err != nil || !reflect.DeepEqual(got, wantTerm(tc.data[0]&7, tc.want)) {
			t.Errorf("% x: got %v, %v; want %v", tc.data, got, err, tc.want)
		}
	}
}

func TestTermErrors(t *testing.T) {
	for _, tc := range []struct {
		data []byte
		want string
	}{
		{nil, "+0x0: unexpected end of data"},
		{[]byte{0x08}, "+0x1: unexpected end of data"},
		{[]byte{0x19, 0xff}, "+0x1: unexpected end of data: need 2 bytes, 1 left"},
		{[]byte{0xf9, 0x00, 0x01}, "+0x2: unexpected end of data: need 9 bytes, 1 left"},
		{[]byte{0xf9, 0x20, 0x00}, "+0x1: length prefix u(2): number exceeds the 1 bytes left"},
		{[]byte{0xf9, 0xf8, 0x00}, "+0x1: length prefix of a length prefix"},
		{[]byte{0xf9, 0x12}, "+0x1: bad length prefix a(1)"},
		{[]byte{0xf9, 0x01}, "+0x1: bad length prefix i(0)"},
	} {
		r := reader{data: tc.data}
		_, err := r.term()
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("% x: got error %v, want %q", tc.data, err, tc.want)
		}
	}
}

// Operand tests run with 3 atoms, 2 literals and label count 10.
func readOperand(data []byte) (Operand, int, error) {
	r := operandReader{reader: reader{file: "t.beam", chunk: "Code", data: data}, atoms: 3, literals: 2, labels: 10}
	o, err := r.operand(false)
	return o, r.remaining(), err
}

func reg(kind OperandKind, n int64) Operand { return Operand{Kind: kind, Val: n, Type: -1} }

func TestOperands(t *testing.T) {
	float15 := []byte{0x07, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0}
	for _, tc := range []struct {
		name string
		data []byte
		want Operand
	}{
		{"u", []byte{0x50}, reg(KindU, 5)},
		{"big u", encodeTerm(tagU, bigPow2(64)), Operand{Kind: KindU, Big: bigPow2(64), Type: -1}},
		{"integer", []byte{0x19, 0xff, 0xff}, reg(KindI, -1)},
		{"big integer", encodeTerm(tagI, bigPow2(64)), Operand{Kind: KindI, Big: bigPow2(64), Type: -1}},
		{"nil", []byte{0x02}, reg(KindAtom, 0)},
		{"atom", []byte{0x32}, reg(KindAtom, 3)},
		{"x", encodeTerm(tagX, big.NewInt(1023)), reg(KindX, 1023)},
		{"y", []byte{0x04}, reg(KindY, 0)},
		{"label", []byte{0x95}, reg(KindLabel, 9)},
		{"no fail label", []byte{0x05}, reg(KindLabel, 0)},
		{"char", []byte{0x0e, 0x41}, reg(KindChar, 65)},
		{"float", float15, Operand{Kind: KindFloat, Float: 1.5, Type: -1}},
		{"list", []byte{0x17, 0x20, 0x03, 0x12}, Operand{Kind: KindList, List: []Operand{reg(KindX, 0), reg(KindAtom, 1)}, Type: -1}},
		{"empty list", []byte{0x17, 0x00}, Operand{Kind: KindList, List: []Operand{}, Type: -1}},
		{"float register", []byte{0x27, 0x30}, reg(KindFR, 3)},
		{"alloc list", []byte{0x37, 0x30, 0x00, 0x30, 0x10, 0x10, 0x00, 0x20}, Operand{Kind: KindAllocList, Alloc: AllocList{Words: 5, Floats: 1}, Type: -1}},
		{"literal", []byte{0x47, 0x10}, reg(KindLiteral, 1)},
		{"typed x", []byte{0x57, 0x23, 0x70}, Operand{Kind: KindX, Val: 2, Type: 7}},
		{"typed y", []byte{0x57, 0x14, 0x08, 0xff}, Operand{Kind: KindY, Val: 1, Type: 255}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, left, err := readOperand(tc.data)
			if err != nil || left != 0 || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("% x: got %+v (%d bytes left), %v; want %+v", tc.data, got, left, err, tc.want)
			}
		})
	}
}

func TestOperandErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"atom out of range", []byte{0x42}, "t.beam: Code chunk +0x0: atom index a(4) out of range (3 atoms)"},
		{"register out of range", encodeTerm(tagX, big.NewInt(1024)), "t.beam: Code chunk +0x0: register x(1024) out of range"},
		{"label out of range", []byte{0x08 | tagF, 10}, "t.beam: Code chunk +0x0: label f(10) out of range (label count 10)"},
		{"big atom", encodeTerm(tagA, bigPow2(70)), "t.beam: Code chunk +0x0: atom index a(1180591620717411303424) out of range (3 atoms)"},
		{"truncated float", []byte{0x07, 0x3f}, "t.beam: Code chunk +0x1: unexpected end of data: need 8 bytes, 1 left"},
		{"nested list", []byte{0x17, 0x10, 0x17, 0x00}, "t.beam: Code chunk +0x2: list inside a list"},
		{"list longer than data", []byte{0x17, 0x08, 0x64, 0x00}, "t.beam: Code chunk +0x1: list length u(100) exceeds the 1 bytes left"},
		{"list length not u", []byte{0x17, 0x13}, "t.beam: Code chunk +0x1: list length is x(1), want a u term"},
		{"float register out of range", append([]byte{0x27}, encodeTerm(tagU, big.NewInt(1024))...), "t.beam: Code chunk +0x1: float register u(1024) out of range (limit 1024)"},
		{"alloc kind", []byte{0x37, 0x10, 0x30, 0x10}, "t.beam: Code chunk +0x2: allocation kind u(3) out of range (limit 3)"},
		{"alloc overflow", append([]byte{0x37, 0x20, 0x00}, append(encodeTerm(tagU, big.NewInt(math.MaxUint32)), 0x00, 0x10)...), "t.beam: Code chunk +0xa: allocation list total overflows"},
		{"literal out of range", []byte{0x47, 0x20}, "t.beam: Code chunk +0x1: literal index u(2) out of range (limit 2)"},
		{"typed atom", []byte{0x57, 0x12, 0x00}, "t.beam: Code chunk +0x1: typed register a(1) is not an x or y register"},
		{"typed list", []byte{0x57, 0x17, 0x00}, "t.beam: Code chunk +0x1: typed register z(1) is not an x or y register"},
		{"type index not u", []byte{0x57, 0x03, 0x01}, "t.beam: Code chunk +0x2: type index is i(0), want a u term"},
		{"unknown extended tag", []byte{0x67}, "t.beam: Code chunk +0x0: unknown extended tag z6"},
		{"big extended tag", encodeTerm(tagZ, bigPow2(64)), "t.beam: Code chunk +0x0: unknown extended tag z(18446744073709551616)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := readOperand(tc.data)
			if err == nil || err.Error() != tc.want {
				t.Errorf("% x: got error %v\nwant %s", tc.data, err, tc.want)
			}
		})
	}
}

func TestOperandString(t *testing.T) {
	for _, tc := range []struct {
		o    Operand
		want string
	}{
		{reg(KindU, 3), "3"},
		{reg(KindI, -7), "{integer,-7}"},
		{Operand{Kind: KindI, Big: bigPow2(64), Type: -1}, "{integer,18446744073709551616}"},
		{reg(KindAtom, 0), "nil"},
		{reg(KindAtom, 2), "{atom,2}"},
		{reg(KindX, 1), "{x,1}"},
		{Operand{Kind: KindY, Val: 2, Type: 5}, "{tr,{y,2},5}"},
		{reg(KindLabel, 4), "{f,4}"},
		{reg(KindChar, 65), "{char,65}"},
		{Operand{Kind: KindFloat, Float: 2.5, Type: -1}, "{float,2.5}"},
		{Operand{Kind: KindList, List: []Operand{reg(KindX, 0), reg(KindU, 1)}, Type: -1}, "{list,[{x,0},1]}"},
		{reg(KindFR, 1), "{fr,1}"},
		{Operand{Kind: KindAllocList, Alloc: AllocList{Words: 2, Funs: 1}, Type: -1}, "{alloc,[{words,2},{funs,1}]}"},
		{reg(KindLiteral, 0), "{literal,0}"},
	} {
		if got := tc.o.String(); got != tc.want {
			t.Errorf("%+v: got %s, want %s", tc.o, got, tc.want)
		}
	}
}
