package vm

import (
	"math/rand"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// Expected results printed by OTP 25 (erlang:F(Args...) via apply/3).
var binCases = []bifCase{
	{"erlang", "byte_size", `[<<1,2,3>>]`, `3`},
	{"erlang", "byte_size", `[<<1,2,3:4>>]`, `3`},
	{"erlang", "byte_size", `[<<>>]`, `0`},
	{"erlang", "byte_size", `[<<1:1>>]`, `1`},
	{"erlang", "byte_size", `[[97,98,99]]`, `error:badarg`},
	{"erlang", "bit_size", `[<<1,2,3:4>>]`, `20`},
	{"erlang", "bit_size", `[<<>>]`, `0`},
	{"erlang", "bit_size", `[a]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3>>,{1,2}]`, `<<2,3>>`},
	{"erlang", "binary_part", `[<<1,2,3>>,{3,-2}]`, `<<2,3>>`},
	{"erlang", "binary_part", `[<<1,2,3>>,{3,-3}]`, `<<1,2,3>>`},
	{"erlang", "binary_part", `[<<1,2,3>>,{3,-4}]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3>>,{3,1}]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3>>,{3,0}]`, `<<>>`},
	{"erlang", "binary_part", `[<<1,2,3>>,{4,0}]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3>>,{-1,1}]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3,4:4>>,{0,3}]`, `<<1,2,3>>`},
	{"erlang", "binary_part", `[<<1,2,3,4:4>>,{3,1}]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3>>,{1,a}]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3>>,{1,2,3}]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3>>,[1,2]]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3>>,{1180591620717411303424,1}]`, `error:badarg`},
	{"erlang", "binary_part", `[[97,98,99],{0,1}]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3>>,0,3]`, `<<1,2,3>>`},
	{"erlang", "binary_part", `[<<1,2,3>>,0,-1]`, `error:badarg`},
	{"erlang", "binary_part", `[<<1,2,3,4:4>>,3,-1]`, `<<3>>`},
	{"erlang", "binary_part", `[<<1,2,3>>,1,1180591620717411303424]`, `error:badarg`},
	{"erlang", "split_binary", `[<<1,2,3>>,0]`, `{<<>>,<<1,2,3>>}`},
	{"erlang", "split_binary", `[<<1,2,3>>,1]`, `{<<1>>,<<2,3>>}`},
	{"erlang", "split_binary", `[<<1,2,3>>,3]`, `{<<1,2,3>>,<<>>}`},
	{"erlang", "split_binary", `[<<1,2,3>>,4]`, `error:badarg`},
	{"erlang", "split_binary", `[<<1,2,3>>,-1]`, `error:badarg`},
	{"erlang", "split_binary", `[<<1,2,3:4>>,2]`, `{<<1,2>>,<<3:4>>}`},
	{"erlang", "split_binary", `[<<1,2,3:4>>,3]`, `error:badarg`},
	{"erlang", "split_binary", `[<<1,2,3>>,a]`, `error:badarg`},
	{"erlang", "split_binary", `[[97,98,99],1]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[<<1,2>>]`, `<<1,2>>`},
	{"erlang", "iolist_to_binary", `[<<1,2:3>>]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[[]]`, `<<>>`},
	{"erlang", "iolist_to_binary", `[[[],[[]]]]`, `<<>>`},
	{"erlang", "iolist_to_binary", `[[1,<<2>>,[3,[4|<<5>>]]|<<6>>]]`, `<<1,2,3,4,5,6>>`},
	{"erlang", "iolist_to_binary", `[[[97,98,99],[<<100,101>>,102],[[[[103]]]]]]`, `<<97,98,99,100,101,102,103>>`},
	{"erlang", "iolist_to_binary", `[[256]]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[[-1]]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[[1|2]]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[[1|a]]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[a]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[1]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[[<<1:1>>]]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[[1|<<1:1>>]]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[[1.0]]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[[a]]`, `error:badarg`},
	{"erlang", "iolist_to_binary", `[[{}]]`, `error:badarg`},
	{"erlang", "iolist_size", `[[1,<<2,3>>,[[]]|<<4>>]]`, `4`},
	{"erlang", "iolist_size", `[<<1,2,3>>]`, `3`},
	{"erlang", "iolist_size", `[[]]`, `0`},
	{"erlang", "iolist_size", `[<<1:1>>]`, `error:badarg`},
	{"erlang", "iolist_size", `[[<<0,1:1>>]]`, `error:badarg`},
	{"erlang", "iolist_size", `[a]`, `error:badarg`},
	{"erlang", "iolist_size", `[[300]]`, `error:badarg`},
	{"erlang", "list_to_binary", `[[1,2,<<3>>]]`, `<<1,2,3>>`},
	{"erlang", "list_to_binary", `[<<1>>]`, `error:badarg`},
	{"erlang", "list_to_binary", `[[1|<<2>>]]`, `<<1,2>>`},
	{"erlang", "list_to_binary", `[[]]`, `<<>>`},
	{"erlang", "list_to_binary", `[[<<1:4>>,<<1:4>>]]`, `error:badarg`},
	{"erlang", "list_to_binary", `[a]`, `error:badarg`},
	{"erlang", "list_to_bitstring", `[[<<1:1>>,<<1:1>>,3|<<1:3>>]]`, `<<192,25:5>>`},
	{"erlang", "list_to_bitstring", `[[<<1:4>>,<<1:4>>]]`, `<<17>>`},
	{"erlang", "list_to_bitstring", `[[<<5:3>>,[255,<<1:1>>],<<1,2,3>>]]`, `<<191,240,16,32,3:4>>`},
	{"erlang", "list_to_bitstring", `[[<<>>|<<>>]]`, `<<>>`},
	{"erlang", "list_to_bitstring", `[<<1:1>>]`, `error:badarg`},
	{"erlang", "list_to_bitstring", `[[<<1:1>>|a]]`, `error:badarg`},
	{"erlang", "list_to_bitstring", `[[256]]`, `error:badarg`},
	{"erlang", "binary_to_list", `[<<1,2,3>>]`, `[1,2,3]`},
	{"erlang", "binary_to_list", `[<<>>]`, `[]`},
	{"erlang", "binary_to_list", `[<<1,2,3:4>>]`, `error:badarg`},
	{"erlang", "binary_to_list", `[[97,98,99]]`, `error:badarg`},
	{"erlang", "binary_to_list", `[<<1,2,3>>,2,3]`, `[2,3]`},
	{"erlang", "binary_to_list", `[<<1,2,3>>,1,1]`, `[1]`},
	{"erlang", "binary_to_list", `[<<1,2,3>>,3,2]`, `error:badarg`},
	{"erlang", "binary_to_list", `[<<1,2,3>>,0,2]`, `error:badarg`},
	{"erlang", "binary_to_list", `[<<1,2,3>>,1,4]`, `error:badarg`},
	{"erlang", "binary_to_list", `[<<1,2,3,4:4>>,1,3]`, `[1,2,3]`},
	{"erlang", "binary_to_list", `[<<1,2,3,4:4>>,1,4]`, `error:badarg`},
	{"erlang", "binary_to_list", `[<<1,2,3>>,a,2]`, `error:badarg`},
	{"erlang", "bitstring_to_list", `[<<1,2,3:4>>]`, `[1,2,<<3:4>>]`},
	{"erlang", "bitstring_to_list", `[<<1:1>>]`, `[<<1:1>>]`},
	{"erlang", "bitstring_to_list", `[<<>>]`, `[]`},
	{"erlang", "bitstring_to_list", `[<<1,2>>]`, `[1,2]`},
	{"erlang", "bitstring_to_list", `[a]`, `error:badarg`},
}

func TestBifBinary(t *testing.T) { runBifCases(t, binCases) }

// TestBitBuf checks unaligned appends against a bit-by-bit reference, and
// iolist_to_binary/1 of unaligned sub-binaries.
func TestBitBuf(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	src := make([]byte, 64)
	rng.Read(src)
	bit := func(b []byte, i int) byte { return b[i/8] >> (7 - i%8) & 1 }
	for trial := 0; trial < 500; trial++ {
		var w bitBuf
		var ref []byte
		for k := rng.Intn(6); k >= 0; k-- {
			off, n := rng.Intn(200), rng.Intn(200)
			w.appendBits(src, off, n)
			for i := off; i < off+n; i++ {
				ref = append(ref, bit(src, i))
			}
		}
		if w.n != len(ref) || len(w.data) != (w.n+7)/8 {
			t.Fatalf("trial %d: %d bits in %d bytes, want %d bits", trial, w.n, len(w.data), len(ref))
		}
		for i, b := range ref {
			if bit(w.data, i) != b {
				t.Fatalf("trial %d: bit %d differs", trial, i)
			}
		}
		if r := w.n % 8; r != 0 && w.data[len(w.data)-1]&(0xFF>>r) != 0 {
			t.Fatalf("trial %d: padding bits set", trial)
		}
	}
	p := newTestProcess()
	h := p.heap
	bin := h.MakeBinary([]byte{0xAB, 0xCD, 0xEF, 0x12})
	sub := h.SubBits(bin, 3, 16) // 0101 1110 0110 1111 = <<94,111>>
	r := bifIolistToBinary(p, []term.Term{h.List(term.MakeSmall(1), sub, h.SubBits(bin, 5, 8))})
	if got := h.Format(r); got != "<<1,94,111,121>>" {
		t.Errorf("iolist_to_binary of sub-binaries = %s", got)
	}
}
