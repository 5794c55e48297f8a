package vm

import (
	"math"

	"github.com/avmtool/avm/vm/term"
)

// erlang:phash2: OTP's portable term hash, which applications persist and
// use to pick shards, so the values must be the ones OTP computes. This is
// an independent Go rendering of the algorithm erts uses (Bob Jenkins'
// lookup2 mixing over a walk of the term). Numbers, atoms, lists, tuples,
// maps, binaries, bitstrings and funs hash as on OTP 25 on a 64-bit
// machine; pids, ports and references hash their avm serial numbers, so
// their values differ from OTP's, as they differ between OTP nodes too.

func init() {
	register("erlang",
		Native{Function: "phash2", Arity: 1, Fn: bifPhash2, Doc: "phash2(Term): OTP's portable hash of Term, in 0..2^27-1"},
		Native{Function: "phash2", Arity: 2, Fn: bifPhash2Range, Doc: "phash2(Term, Range): OTP's portable hash of Term, in 0..Range-1 (Range in 1..2^32)"},
	)
}

func bifPhash2(p *Process, args []term.Term) term.Term {
	return term.MakeSmall(int64(phash2(p.heap, args[0]) & (1<<27 - 1)))
}

func bifPhash2Range(p *Process, args []term.Term) term.Term {
	r := args[1]
	if !r.IsSmall() || r.Small() < 1 || r.Small() > 1<<32 {
		return p.Badarg()
	}
	h := uint64(phash2(p.heap, args[0]))
	return term.MakeSmall(int64(h % uint64(r.Small())))
}

// The golden ratio and its multiples modulo 2^32, one per kind of term, so
// that equal payloads of different kinds hash apart.
const (
	hashConst    = 0x9e3779b9
	hashConstNil = 0x3c6ef372
	hashConstAtm = 0xdaa66d2b
	hashConstStr = 0x78dde6e4
	hashConstPid = 0x1715609d
	hashConstPrt = 0xb54cda56
	hashConstRef = 0x5384540f
	hashConstTup = 0x8ff34781
	hashConstNeg = 0x2e2ac13a
	hashConstPos = 0xcc623af3
	hashConstFlt = 0x6a99b4ac
	hashConstBin = 0x08d12e65
	hashConstExp = 0xa708a81e
	hashConstBit = 0x454021d7
	hashConstMap = 0xe3779b90
	hashConstKVs = 0xbe1e08bb
	// hashNil is what [] hashes to when it starts a hash.
	hashNil = 3468870702
	// nilWord is what OTP mixes in for a [] that is not the first term
	// hashed (checked against OTP 25's results for [a], "a" and {[], []}).
	nilWord = 2
)

// mix is Bob Jenkins' lookup2 mixing step.
func mix(a, b, c uint32) (uint32, uint32, uint32) {
	a -= b
	a -= c
	a ^= c >> 13
	b -= c
	b -= a
	b ^= a << 8
	c -= a
	c -= b
	c ^= b >> 13
	a -= b
	a -= c
	a ^= c >> 12
	b -= c
	b -= a
	b ^= a << 16
	c -= a
	c -= b
	c ^= b >> 5
	a -= b
	a -= c
	a ^= c >> 3
	b -= c
	b -= a
	b ^= a << 10
	c -= a
	c -= b
	c ^= b >> 15
	return a, b, c
}

// mix2 folds two 32-bit values into the running hash.
func mix2(hash, x, y, k uint32) uint32 {
	_, _, c := mix(k+x, k+y, hash)
	return c
}

// atomHash is the hash OTP keeps for every atom: hashpjw over the UTF-8
// name, a two-byte sequence for a Latin-1 character counting as that one
// character (atoms were Latin-1 once).
func atomHash(name string) uint32 {
	var h uint32
	for i := 0; i < len(name); i++ {
		v := uint32(name[i])
		if i+1 < len(name) && v&0xFE == 0xC2 && name[i+1]&0xC0 == 0x80 {
			v = (v<<6 | uint32(name[i+1]&0x3F)) & 0xFF
			i++
		}
		h = h<<4 + v
		if g := h & 0xf0000000; g != 0 {
			h ^= g >> 24
			h ^= g
		}
	}
	return h
}

// blockHash is lookup2's hash of a byte block with an initial value.
func blockHash(k []byte, initval uint32) uint32 {
	a, b, c := uint32(hashConst), uint32(hashConst), initval
	n := len(k)
	for len(k) >= 12 {
		a += uint32(k[0]) | uint32(k[1])<<8 | uint32(k[2])<<16 | uint32(k[3])<<24
		b += uint32(k[4]) | uint32(k[5])<<8 | uint32(k[6])<<16 | uint32(k[7])<<24
		c += uint32(k[8]) | uint32(k[9])<<8 | uint32(k[10])<<16 | uint32(k[11])<<24
		a, b, c = mix(a, b, c)
		k = k[12:]
	}
	c += uint32(n)
	// The remaining bytes go to a and b from the low byte up, and to c
	// from its second byte up (its low byte holds the length).
	for i, v := range k {
		switch {
		case i < 4:
			a += uint32(v) << (8 * i)
		case i < 8:
			b += uint32(v) << (8 * (i - 4))
		default:
			c += uint32(v) << (8 * (i - 7))
		}
	}
	_, _, c = mix(a, b, c)
	return c
}

// hashWork is an entry of phash2's work stack: a term still to hash, or
// a marker closing a map's key-value pair or a whole map.
type hashWork struct {
	t     term.Term
	kind  uint8
	saved [2]uint32 // mapEnd: the hash and pair xor of the enclosing map
}

const (
	workTerm = iota
	workPairEnd
	workMapEnd
)

// phash2 computes OTP's make_hash2 of t. Each term's hash is mixed into
// the hash of everything before it in a depth-first walk; map pairs are
// hashed from zero and xor-ed together so that key order does not matter.
func phash2(h *term.Heap, t term.Term) uint32 {
	var hash, pairs uint32
	var stack []hashWork
	for {
		hash, pairs, stack = phash2Term(h, t, hash, pairs, stack)
		// Pop until the next term, closing pairs and maps on the way.
		for {
			if len(stack) == 0 {
				return hash
			}
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if w.kind == workTerm {
				t = w.t
				break
			}
			if w.kind == workPairEnd {
				pairs ^= hash
				hash = 0
				continue
			}
			hash = mix2(w.saved[0], pairs, 0, hashConstKVs)
			pairs = w.saved[1]
		}
	}
}

// phash2Term mixes the term t itself into hash, pushing its parts.
func phash2Term(h *term.Heap, t term.Term, hash, pairs uint32, stack []hashWork) (uint32, uint32, []hashWork) {
	push := func(t term.Term) { stack = append(stack, hashWork{t: t}) }
	switch {
	case t.IsSmall():
		return phash2Int(h, t, hash), pairs, stack
	case t.IsAtom():
		if hash == 0 {
			return atomHash(term.AtomName(t)), pairs, stack
		}
		return mix2(hash, atomHash(term.AtomName(t)), 0, hashConstAtm), pairs, stack
	case t == term.Nil:
		if hash == 0 {
			return hashNil, pairs, stack
		}
		return mix2(hash, nilWord, 0, hashConstNil), pairs, stack
	case t.IsCons():
		// Runs of byte elements (strings) are packed four to a word.
		var packed uint32
		n := 0
		for t.IsCons() {
			hd := h.Head(t)
			if !hd.IsSmall() || hd.Small() < 0 || hd.Small() > 255 {
				break
			}
			packed = packed<<8 + uint32(hd.Small())
			if n++; n == 4 {
				hash = mix2(hash, packed, 0, hashConstStr)
				packed, n = 0, 0
			}
			t = h.Tail(t)
		}
		if n > 0 {
			hash = mix2(hash, packed, 0, hashConstStr)
		}
		if t.IsCons() {
			push(h.Tail(t))
			push(h.Head(t))
		} else {
			push(t)
		}
		return hash, pairs, stack
	case t.IsPid():
		return mix2(hash, uint32(t.PidID()), 0, hashConstPid), pairs, stack
	case t.IsPort():
		id := t.PidID()
		return mix2(hash, uint32(id), uint32(id>>32), hashConstPrt), pairs, stack
	case h.IsTuple(t):
		elems := h.TupleElems(t)
		hash = mix2(hash, uint32(len(elems)), 0, hashConstTup)
		for i := len(elems) - 1; i >= 0; i-- {
			push(elems[i])
		}
		return hash, pairs, stack
	case h.IsMap(t):
		keys, vals := h.MapKeysValues(t)
		hash = mix2(hash, uint32(len(keys)), 0, hashConstMap)
		if len(keys) == 0 {
			return hash, pairs, stack
		}
		stack = append(stack, hashWork{kind: workMapEnd, saved: [2]uint32{hash, pairs}})
		for i := range keys {
			stack = append(stack, hashWork{kind: workPairEnd})
			push(vals[i])
			push(keys[i])
		}
		return 0, 0, stack
	case h.IsBig(t):
		return phash2Int(h, t, hash), pairs, stack
	case h.IsFloat(t):
		f := h.FloatValue(t)
		if f == 0 {
			f = 0 // -0.0 hashes as 0.0
		}
		bits := math.Float64bits(f)
		return mix2(hash, uint32(bits>>32), uint32(bits), hashConstFlt), pairs, stack
	case h.IsBitstring(t):
		data, off, n := h.Bits(t)
		b := term.CopyBits(data, off, n)
		whole, rest := n/8, n%8
		init := hashConstBin + hash
		if n == 0 {
			return init, pairs, stack
		}
		hash = blockHash(b[:whole], init)
		if rest > 0 {
			hash = mix2(hash, uint32(rest), uint32(b[whole]>>(8-rest)), hashConstBit)
		}
		return hash, pairs, stack
	case h.IsExportFun(t):
		m, f, arity := h.ExportParts(t)
		hash = mix2(hash, uint32(arity), atomHash(term.AtomName(m)), hashConst)
		return mix2(hash, atomHash(term.AtomName(f)), 0, hashConstExp), pairs, stack
	case h.IsClosure(t):
		ref, free := h.ClosureParts(t)
		module, index, uniq := term.FunName(ref)
		hash = mix2(hash, uint32(len(free)), atomHash(module), hashConst)
		hash = mix2(hash, uint32(index), uint32(uniq), hashConst)
		for i := len(free) - 1; i >= 0; i-- {
			push(free[i])
		}
		return hash, pairs, stack
	case h.IsRef(t):
		return mix2(hash, uint32(h.RefID(t)), 0, hashConstRef), pairs, stack
	}
	return hash, pairs, stack
}

// phash2Int hashes an integer: one that fits in 28 signed bits as a
// 32-bit value, any other as the 64-bit words of its magnitude.
func phash2Int(h *term.Heap, t term.Term, hash uint32) uint32 {
	if t.IsSmall() {
		if v := t.Small(); v >= -1<<27 && v < 1<<27 {
			y := int32(v)
			if y < 0 {
				hash = mix2(hash, uint32(-y), 0, hashConst)
			}
			return mix2(hash, uint32(y), 0, hashConst)
		}
	}
	b := h.ToBig(t)
	k := uint32(hashConstPos)
	if b.Sign() < 0 {
		k = hashConstNeg
	}
	words := b.Bits() // magnitude, least significant word first
	for _, w := range words {
		hash = mix2(hash, uint32(w), uint32(uint64(w)>>32), k)
	}
	return hash
}
