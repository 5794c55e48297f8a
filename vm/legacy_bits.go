package vm

import (
	"github.com/avmtool/avm/vm/beam"
)

// Compilers before OTP 25 (and OTP 25+ with +no_bs_create_bin) build
// binaries with a sequence of instructions: sizes computed by bs_add and
// bs_utf*_size, then bs_init2, bs_init_bits, bs_append or
// bs_private_append, then one bs_put_* per segment. Elixir releases built
// on OTP 24 (Debian's Elixir 1.14, for one) ship their whole standard
// library in that form. The loader rewrites each such sequence into the
// single bs_create_bin instruction that OTP 25 emits for the same
// expression, so the interpreter has one way to build binaries.
//
// The size computations are dropped: their results feed only the
// construction, and bs_create_bin computes the size from the segments
// themselves, raising the same badarg for a bad size or value.

// rewriteLegacyBinaries returns f with its legacy binary construction
// sequences rewritten, or f itself when it has none. An instruction that
// does not fit the pattern is left as it is, and the loader refuses it.
func rewriteLegacyBinaries(f *beam.File) *beam.File {
	code := f.Code.Instrs
	found := false
	for i := range code {
		if legacyBinaryConstruction(code[i].Op) {
			found = true
			break
		}
	}
	if !found {
		return f
	}
	atoms := append([]string(nil), f.Atoms...)
	index := make(map[string]int64, len(atoms))
	for i, a := range atoms {
		index[a] = int64(i + 1)
	}
	atom := func(name string) beam.Operand {
		n, ok := index[name]
		if !ok {
			atoms = append(atoms, name)
			n = int64(len(atoms))
			index[name] = n
		}
		return beam.Operand{Kind: beam.KindAtom, Val: n, Type: -1}
	}
	u := func(v int64) beam.Operand { return beam.Operand{Kind: beam.KindU, Val: v, Type: -1} }

	out := make([]beam.Instr, 0, len(code))
	for i := 0; i < len(code); i++ {
		in := code[i]
		switch in.Op {
		case beam.OpBsAdd, beam.OpBsUtf8Size, beam.OpBsUtf16Size:
			if sizeFeedsConstruction(code, i) {
				continue
			}
		case beam.OpBsInit2, beam.OpBsInitBits, beam.OpBsAppend, beam.OpBsPrivateAppend:
			created, n, ok := createBinFrom(code[i:], atom, u)
			if ok {
				out = append(out, created)
				i += n - 1
				continue
			}
		}
		out = append(out, in)
	}
	g := *f
	g.Atoms = atoms
	g.Code.Instrs = out
	return &g
}

// sizeFeedsConstruction reports whether the size computation at code[i]
// is followed, through other size computations and register moves only,
// by the start of a binary construction.
func sizeFeedsConstruction(code []beam.Instr, i int) bool {
	for j := i + 1; j < len(code); j++ {
		switch code[j].Op {
		case beam.OpBsAdd, beam.OpBsUtf8Size, beam.OpBsUtf16Size, beam.OpGcBif1, beam.OpGcBif2, beam.OpLine,
			beam.OpMove, beam.OpGetTupleElement, beam.OpGetList, beam.OpGetHd, beam.OpGetTl:
			continue
		case beam.OpBsInit2, beam.OpBsInitBits, beam.OpBsAppend, beam.OpBsPrivateAppend:
			return true
		}
		return false
	}
	return false
}

// createBinFrom turns the construction starting at code[0] and the
// bs_put_* instructions after it into one bs_create_bin; n is how many
// instructions it replaces. ok is false when the sequence does not have
// the shape compilers emit.
func createBinFrom(code []beam.Instr, atom func(string) beam.Operand, u func(int64) beam.Operand) (created beam.Instr, n int, ok bool) {
	start := code[0]
	var fail, live, dst beam.Operand
	var segs []beam.Operand
	switch start.Op {
	case beam.OpBsInit2, beam.OpBsInitBits: // Fail Size Words Live Flags Dst
		fail, live, dst = start.Args[0], start.Args[3], start.Args[5]
	case beam.OpBsAppend: // Fail Size Extra Live Unit Bin Flags Dst
		fail, live, dst = start.Args[0], start.Args[3], start.Args[7]
		segs = append(segs, atom("append"), u(1), start.Args[4], start.Args[6], start.Args[5], atom("all"))
	case beam.OpBsPrivateAppend: // Fail Size Unit Bin Flags Dst
		fail, dst = start.Args[0], start.Args[5]
		live = u(0)
		segs = append(segs, atom("private_append"), u(1), start.Args[2], start.Args[4], start.Args[3], atom("all"))
	default:
		return beam.Instr{}, 0, false
	}
	n = 1
	for ; n < len(code); n++ {
		in := code[n]
		seg := u(int64(len(segs)/6 + 1))
		switch in.Op {
		case beam.OpBsPutInteger, beam.OpBsPutBinary, beam.OpBsPutFloat: // Fail Size Unit Flags Src
			if !sameFail(in.Args[0], fail) {
				return beam.Instr{}, 0, false
			}
			typ := map[beam.Opcode]string{beam.OpBsPutInteger: "integer", beam.OpBsPutBinary: "binary", beam.OpBsPutFloat: "float"}[in.Op]
			segs = append(segs, atom(typ), seg, in.Args[2], in.Args[3], in.Args[4], in.Args[1])
			continue
		case beam.OpBsPutString: // Length Offset
			segs = append(segs, atom("string"), seg, u(8), u(0), in.Args[1], in.Args[0])
			continue
		case beam.OpBsPutUtf8, beam.OpBsPutUtf16, beam.OpBsPutUtf32: // Fail Flags Src
			if !sameFail(in.Args[0], fail) {
				return beam.Instr{}, 0, false
			}
			typ := map[beam.Opcode]string{beam.OpBsPutUtf8: "utf8", beam.OpBsPutUtf16: "utf16", beam.OpBsPutUtf32: "utf32"}[in.Op]
			segs = append(segs, atom(typ), seg, u(0), in.Args[1], in.Args[2], atom("undefined"))
			continue
		}
		break
	}
	// Every X register a segment reads must survive a collection.
	liveN := live.Val
	for _, s := range segs {
		if s.Kind == beam.KindX && s.Val+1 > liveN {
			liveN = s.Val + 1
		}
	}
	created = beam.Instr{
		Op:     beam.OpBsCreateBin,
		Args:   []beam.Operand{fail, u(0), u(liveN), u(1), dst, {Kind: beam.KindList, List: segs, Type: -1}},
		Offset: start.Offset,
	}
	return created, n, true
}

// sameFail reports whether a bs_put_* fails to the same place as the
// instruction that started the construction.
func sameFail(a, b beam.Operand) bool { return a.Kind == b.Kind && a.Val == b.Val }
