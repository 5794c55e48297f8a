package vm

import (
	"bytes"
	"math/big"

	"github.com/avmtool/avm/vm/term"
)

// The binary module as Go natives, behaving as OTP 25's: the searching
// functions (split, match, matches, replace) and the byte accessors. Errors
// are badarg wherever OTP raises it.

func init() {
	register("binary",
		Native{Function: "split", Arity: 2, Fn: binarySplit, Doc: "split(Subject, Pattern): the parts before and after the first match"},
		Native{Function: "split", Arity: 3, Fn: binarySplit, Doc: "split(Subject, Pattern, Options): split with global, trim, trim_all and {scope, {Start, Len}}"},
		Native{Function: "match", Arity: 2, Fn: binaryMatch, Doc: "match(Subject, Pattern): {Pos, Len} of the first (longest at that position) match, or nomatch"},
		Native{Function: "match", Arity: 3, Fn: binaryMatch, Doc: "match(Subject, Pattern, [{scope, {Start, Len}}]): the first match within the scope"},
		Native{Function: "matches", Arity: 2, Fn: binaryMatches, Doc: "matches(Subject, Pattern): every non-overlapping match as {Pos, Len}"},
		Native{Function: "matches", Arity: 3, Fn: binaryMatches, Doc: "matches(Subject, Pattern, [{scope, {Start, Len}}]): the matches within the scope"},
		Native{Function: "replace", Arity: 3, Fn: binaryReplace, Doc: "replace(Subject, Pattern, Replacement): the first match replaced"},
		Native{Function: "replace", Arity: 4, Fn: binaryReplace, Doc: "replace(Subject, Pattern, Replacement, Options): with global, {scope, Part} and {insert_replaced, Pos | [Pos]}"},
		Native{Function: "compile_pattern", Arity: 1, Fn: binaryCompilePattern, Doc: "compile_pattern(Pattern): a checked pattern that split, match, matches and replace accept"},
		Native{Function: "part", Arity: 2, Fn: binaryPart2, Doc: "part(Subject, {Pos, Len}): the bytes in that range (Len may be negative)"},
		Native{Function: "part", Arity: 3, Fn: binaryPart3, Doc: "part(Subject, Pos, Len): the bytes in that range (Len may be negative)"},
		Native{Function: "copy", Arity: 1, Fn: binaryCopy, Doc: "copy(Subject): a fresh copy of the binary"},
		Native{Function: "copy", Arity: 2, Fn: binaryCopy, Doc: "copy(Subject, N): the binary repeated N times"},
		Native{Function: "at", Arity: 2, Fn: binaryAt, Doc: "at(Subject, Pos): the byte at zero-based Pos"},
		Native{Function: "first", Arity: 1, Fn: binaryFirst, Doc: "first(Subject): the first byte"},
		Native{Function: "last", Arity: 1, Fn: binaryLast, Doc: "last(Subject): the last byte"},
		Native{Function: "decode_unsigned", Arity: 1, Fn: binaryDecodeUnsigned, Doc: "decode_unsigned(Subject): the big-endian unsigned integer of the bytes"},
		Native{Function: "decode_unsigned", Arity: 2, Fn: binaryDecodeUnsigned, Doc: "decode_unsigned(Subject, big | little): the unsigned integer of the bytes"},
		Native{Function: "encode_unsigned", Arity: 1, Fn: binaryEncodeUnsigned, Doc: "encode_unsigned(N): the shortest big-endian bytes of a non-negative integer"},
		Native{Function: "encode_unsigned", Arity: 2, Fn: binaryEncodeUnsigned, Doc: "encode_unsigned(N, big | little): the shortest bytes of a non-negative integer"},
		Native{Function: "bin_to_list", Arity: 1, Fn: binaryBinToList, Doc: "bin_to_list(Subject): the list of its bytes"},
		Native{Function: "bin_to_list", Arity: 2, Fn: binaryBinToList, Doc: "bin_to_list(Subject, {Pos, Len}): the bytes of that range as a list"},
		Native{Function: "bin_to_list", Arity: 3, Fn: binaryBinToList, Doc: "bin_to_list(Subject, Pos, Len): the bytes of that range as a list"},
		Native{Function: "list_to_bin", Arity: 1, Fn: binaryListToBin, Doc: "list_to_bin(IoList): the binary of an iolist"},
		Native{Function: "longest_common_prefix", Arity: 1, Fn: binaryLCP, Doc: "longest_common_prefix(Binaries): the length of their longest common prefix"},
		Native{Function: "longest_common_suffix", Arity: 1, Fn: binaryLCS, Doc: "longest_common_suffix(Binaries): the length of their longest common suffix"},
		Native{Function: "referenced_byte_size", Arity: 1, Fn: binaryReferencedByteSize, Doc: "referenced_byte_size(Binary): the size of the binary this one is a part of"},
		Native{Function: "encode_hex", Arity: 1, Fn: binaryEncodeHex, Doc: "encode_hex(Bin): its bytes as upper-case hexadecimal digits"},
		Native{Function: "encode_hex", Arity: 2, Fn: binaryEncodeHex, Doc: "encode_hex(Bin, uppercase | lowercase): its bytes as hexadecimal digits (OTP 26)"},
		Native{Function: "decode_hex", Arity: 1, Fn: binaryDecodeHex, Doc: "decode_hex(HexBin): the bytes of an even number of hexadecimal digits"},
	)
}

var (
	atomGlobal         = term.Atom("global")
	atomTrim           = term.Atom("trim")
	atomTrimAll        = term.Atom("trim_all")
	atomScope          = term.Atom("scope")
	atomInsertReplaced = term.Atom("insert_replaced")
	atomNomatch        = term.Atom("nomatch")
	atomBM             = term.Atom("bm")
	atomAC             = term.Atom("ac")
)

// searchPatterns is a parsed binary pattern: one or more non-empty byte
// strings.
type searchPatterns [][]byte

// parsePatterns reads a pattern: a non-empty binary, a non-empty list of
// them, or what compile_pattern returned.
func parsePatterns(h *term.Heap, t term.Term) (searchPatterns, bool) {
	if h.IsTuple(t) && h.TupleSize(t) == 2 {
		if e := h.TupleElems(t); e[0] == atomBM || e[0] == atomAC {
			t = e[1]
		}
	}
	if h.IsBitstring(t) {
		b, ok := h.BinaryBytes(t)
		if !ok || len(b) == 0 {
			return nil, false
		}
		return searchPatterns{b}, true
	}
	elems, ok := h.ListToSlice(t)
	if !ok || len(elems) == 0 {
		return nil, false
	}
	ps := make(searchPatterns, len(elems))
	for i, e := range elems {
		if !h.IsBitstring(e) {
			return nil, false
		}
		b, ok := h.BinaryBytes(e)
		if !ok || len(b) == 0 {
			return nil, false
		}
		ps[i] = b
	}
	return ps, true
}

// find returns the first match in s[from:to]: the earliest start, and at
// that start the longest pattern.
func (ps searchPatterns) find(s []byte, from, to int) (pos, n int, ok bool) {
	ms := ps.findAll(s, from, to, false)
	if len(ms) == 0 {
		return 0, 0, false
	}
	return ms[0][0], ms[0][1], true
}

// findAll returns the non-overlapping matches in s[from:to], or the first
// one only unless global. Each pattern's next occurrence is remembered
// until the search passes it, so that a pattern that matches rarely is not
// searched for again after every match of another.
func (ps searchPatterns) findAll(s []byte, from, to int, global bool) [][2]int {
	var out [][2]int
	next := make([]int, len(ps)) // next occurrence at or after from; -1 none left
	for i := range next {
		next[i] = -2 // not searched yet
	}
	for from <= to {
		best, bestLen := -1, 0
		for i, p := range ps {
			if next[i] == -1 {
				continue
			}
			if next[i] < from {
				next[i] = -1
				if j := bytes.Index(s[from:to], p); j >= 0 {
					next[i] = from + j
				}
			}
			if at := next[i]; at >= 0 && (best < 0 || at < best || (at == best && len(p) > bestLen)) {
				best, bestLen = at, len(p)
			}
		}
		if best < 0 {
			break
		}
		out = append(out, [2]int{best, bestLen})
		if !global {
			break
		}
		from = best + bestLen
	}
	return out
}

// scopeOpt reads {scope, {Start, Len}} against a subject of size n: the
// range [from, to). Len may be negative, counting back from Start.
func scopeOpt(h *term.Heap, t term.Term, n int) (from, to int, ok bool) {
	if !h.IsTuple(t) || h.TupleSize(t) != 2 {
		return 0, 0, false
	}
	e := h.TupleElems(t)
	s, ok1 := smallArg(e[0])
	l, ok2 := smallArg(e[1])
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	if l < 0 {
		s, l = s+l, -l
	}
	if s < 0 || s+l > int64(n) {
		return 0, 0, false
	}
	return int(s), int(s + l), true
}

// searchOpts are the options of split, match, matches and replace.
type searchOpts struct {
	global, trim, trimAll bool
	from, to              int
	insert                []int // insert_replaced positions
}

// parseSearchOpts reads an option list against a subject of n bytes;
// global, trim (trim and trim_all) and insert say which of those options
// the function takes besides {scope, Part}.
func parseSearchOpts(h *term.Heap, t term.Term, n int, global, trim, insert bool) (searchOpts, bool) {
	o := searchOpts{to: n}
	elems, ok := h.ListToSlice(t)
	if !ok {
		return o, false
	}
	for _, e := range elems {
		switch {
		case e == atomGlobal && global:
			o.global = true
		case e == atomTrim && trim:
			o.trim = true
		case e == atomTrimAll && trim:
			o.trimAll = true
		case h.IsTuple(e) && h.TupleSize(e) == 2:
			kv := h.TupleElems(e)
			switch {
			case kv[0] == atomScope:
				if o.from, o.to, ok = scopeOpt(h, kv[1], n); !ok {
					return o, false
				}
			case kv[0] == atomInsertReplaced && insert:
				if o.insert, ok = insertPositions(h, kv[1]); !ok {
					return o, false
				}
			default:
				return o, false
			}
		default:
			return o, false
		}
	}
	return o, true
}

func insertPositions(h *term.Heap, t term.Term) ([]int, bool) {
	if t.IsSmall() {
		t = h.List(t)
	}
	elems, ok := h.ListToSlice(t)
	if !ok {
		return nil, false
	}
	ps := make([]int, len(elems))
	for i, e := range elems {
		if !e.IsSmall() || e.Small() < 0 {
			return nil, false
		}
		ps[i] = int(e.Small())
	}
	return ps, true
}

// searchArgs parses subject, pattern and (for the /3 forms) the option list.
func searchArgs(p *Process, args []term.Term, optArg int, global, trim, insert bool) (s []byte, ps searchPatterns, o searchOpts, ok bool) {
	h := p.heap
	if !h.IsBitstring(args[0]) {
		return nil, nil, o, false
	}
	if s, ok = h.BinaryBytes(args[0]); !ok {
		return nil, nil, o, false
	}
	if ps, ok = parsePatterns(h, args[1]); !ok {
		return nil, nil, o, false
	}
	o = searchOpts{to: len(s)}
	if len(args) > optArg {
		if o, ok = parseSearchOpts(h, args[optArg], len(s), global, trim, insert); !ok {
			return nil, nil, o, false
		}
	}
	return s, ps, o, true
}

func binarySplit(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ps, o, ok := searchArgs(p, args, 2, true, true, false)
	if !ok {
		return p.Badarg()
	}
	ms := ps.findAll(s, o.from, o.to, o.global)
	parts := make([][2]int, 0, len(ms)+1)
	at := 0
	for _, m := range ms {
		parts = append(parts, [2]int{at, m[0]})
		at = m[0] + m[1]
	}
	parts = append(parts, [2]int{at, len(s)})
	if o.trimAll {
		kept := parts[:0]
		for _, pt := range parts {
			if pt[1] > pt[0] {
				kept = append(kept, pt)
			}
		}
		parts = kept
	} else if o.trim {
		for len(parts) > 0 && parts[len(parts)-1][1] == parts[len(parts)-1][0] {
			parts = parts[:len(parts)-1]
		}
	}
	elems := make([]term.Term, len(parts))
	for i, pt := range parts {
		elems[i] = h.SubBits(args[0], 8*pt[0], 8*(pt[1]-pt[0]))
	}
	return h.List(elems...)
}

func binaryMatch(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ps, o, ok := searchArgs(p, args, 2, false, false, false)
	if !ok {
		return p.Badarg()
	}
	pos, n, found := ps.find(s, o.from, o.to)
	if !found {
		return atomNomatch
	}
	return h.Tuple(term.MakeSmall(int64(pos)), term.MakeSmall(int64(n)))
}

func binaryMatches(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ps, o, ok := searchArgs(p, args, 2, false, false, false)
	if !ok {
		return p.Badarg()
	}
	ms := ps.findAll(s, o.from, o.to, true)
	elems := make([]term.Term, len(ms))
	for i, m := range ms {
		elems[i] = h.Tuple(term.MakeSmall(int64(m[0])), term.MakeSmall(int64(m[1])))
	}
	return h.List(elems...)
}

func binaryReplace(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ps, o, ok := searchArgs(p, args, 3, true, false, true)
	if !ok || !h.IsBitstring(args[2]) {
		return p.Badarg()
	}
	repl, ok := h.BinaryBytes(args[2])
	if !ok {
		return p.Badarg()
	}
	for _, at := range o.insert {
		if at > len(repl) {
			return p.Badarg()
		}
	}
	ms := ps.findAll(s, o.from, o.to, o.global)
	if len(ms) == 0 {
		return args[0]
	}
	var out []byte
	at := 0
	for _, m := range ms {
		out = append(out, s[at:m[0]]...)
		out = appendReplacement(out, repl, s[m[0]:m[0]+m[1]], o.insert)
		at = m[0] + m[1]
	}
	out = append(out, s[at:]...)
	return h.MakeBinary(out)
}

// appendReplacement appends repl with the matched bytes inserted at each
// of the positions (ascending positions, as OTP sorts them).
func appendReplacement(out, repl, matched []byte, insert []int) []byte {
	if len(insert) == 0 {
		return append(out, repl...)
	}
	sorted := append([]int(nil), insert...)
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && sorted[j] < sorted[j-1]; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	at := 0
	for _, pos := range sorted {
		out = append(out, repl[at:pos]...)
		out = append(out, matched...)
		at = pos
	}
	return append(out, repl[at:]...)
}

func binaryCompilePattern(p *Process, args []term.Term) term.Term {
	h := p.heap
	ps, ok := parsePatterns(h, args[0])
	if !ok {
		return p.Badarg()
	}
	// An opaque tuple holding the checked patterns, tagged as OTP's are
	// (bm for one pattern, ac for several).
	if len(ps) == 1 {
		return h.Tuple(atomBM, h.MakeBinary(append([]byte(nil), ps[0]...)))
	}
	elems := make([]term.Term, len(ps))
	for i, b := range ps {
		elems[i] = h.MakeBinary(append([]byte(nil), b...))
	}
	return h.Tuple(atomAC, h.List(elems...))
}

// partRange checks Pos and Len (Len may be negative) against a binary.
func partRange(h *term.Heap, bin, start, length term.Term) (from, n int, ok bool) {
	if !h.IsBinary(bin) {
		return 0, 0, false
	}
	s, ok1 := smallArg(start)
	l, ok2 := smallArg(length)
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	if l < 0 {
		s, l = s+l, -l
	}
	if s < 0 || s+l > int64(h.BitSize(bin)/8) {
		return 0, 0, false
	}
	return int(s), int(l), true
}

// posLen splits a {Pos, Len} tuple.
func posLen(h *term.Heap, t term.Term) (term.Term, term.Term, bool) {
	if !h.IsTuple(t) || h.TupleSize(t) != 2 {
		return term.NoValue, term.NoValue, false
	}
	e := h.TupleElems(t)
	return e[0], e[1], true
}

func binaryPart2(p *Process, args []term.Term) term.Term {
	s, l, ok := posLen(p.heap, args[1])
	if !ok {
		return p.Badarg()
	}
	return binaryPart3(p, []term.Term{args[0], s, l})
}

func binaryPart3(p *Process, args []term.Term) term.Term {
	from, n, ok := partRange(p.heap, args[0], args[1], args[2])
	if !ok {
		return p.Badarg()
	}
	return p.heap.SubBits(args[0], 8*from, 8*n)
}

func binaryCopy(p *Process, args []term.Term) term.Term {
	h := p.heap
	b, ok := binaryArg(h, args[0])
	if !ok {
		return p.Badarg()
	}
	times := int64(1)
	if len(args) == 2 {
		if times, ok = smallArg(args[1]); !ok || times < 0 {
			return p.Badarg()
		}
	}
	if times > 0 && int64(len(b))*times > maxBinaryBytes {
		return p.SystemLimit()
	}
	return h.MakeBinary(bytes.Repeat(b, int(times)))
}

// maxBinaryBytes bounds the binaries natives build from a count the
// program gives (copy/2), so that a bad count is system_limit, not a crash.
const maxBinaryBytes = 1 << 40

func binaryAt(p *Process, args []term.Term) term.Term {
	b, ok := binaryArg(p.heap, args[0])
	pos, ok2 := smallArg(args[1])
	if !ok || !ok2 || pos < 0 || pos >= int64(len(b)) {
		return p.Badarg()
	}
	return term.MakeSmall(int64(b[pos]))
}

func binaryFirst(p *Process, args []term.Term) term.Term {
	b, ok := binaryArg(p.heap, args[0])
	if !ok || len(b) == 0 {
		return p.Badarg()
	}
	return term.MakeSmall(int64(b[0]))
}

func binaryLast(p *Process, args []term.Term) term.Term {
	b, ok := binaryArg(p.heap, args[0])
	if !ok || len(b) == 0 {
		return p.Badarg()
	}
	return term.MakeSmall(int64(b[len(b)-1]))
}

// endianArg reads big | little (default big): little reports whether
// the bytes run least significant first.
func endianArg(args []term.Term, i int) (little, ok bool) {
	if len(args) <= i {
		return false, true
	}
	switch args[i] {
	case term.AtomBig:
		return false, true
	case term.AtomLittle:
		return true, true
	}
	return false, false
}

func binaryDecodeUnsigned(p *Process, args []term.Term) term.Term {
	h := p.heap
	b, ok := binaryArg(h, args[0])
	little, ok2 := endianArg(args, 1)
	if !ok || !ok2 {
		return p.Badarg()
	}
	if little {
		b = reversed(b)
	}
	return h.BigInt(new(big.Int).SetBytes(b))
}

func reversed(b []byte) []byte {
	r := make([]byte, len(b))
	for i, c := range b {
		r[len(b)-1-i] = c
	}
	return r
}

func binaryEncodeUnsigned(p *Process, args []term.Term) term.Term {
	h := p.heap
	little, ok := endianArg(args, 1)
	if !ok || !h.IsInteger(args[0]) || h.IntSign(args[0]) < 0 {
		return p.Badarg()
	}
	b := h.ToBig(args[0]).Bytes()
	if len(b) == 0 {
		b = []byte{0}
	}
	if little {
		b = reversed(b)
	}
	return h.MakeBinary(b)
}

func binaryBinToList(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !h.IsBinary(args[0]) {
		return p.Badarg()
	}
	from, n := 0, h.BitSize(args[0])/8
	switch len(args) {
	case 2:
		s, l, ok := posLen(h, args[1])
		if !ok {
			return p.Badarg()
		}
		if from, n, ok = partRange(h, args[0], s, l); !ok {
			return p.Badarg()
		}
	case 3:
		var ok bool
		if from, n, ok = partRange(h, args[0], args[1], args[2]); !ok {
			return p.Badarg()
		}
	}
	b, _ := h.BinaryBytes(args[0])
	return byteList(h, b[from:from+n], term.Nil)
}

func binaryListToBin(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !args[0].IsList() {
		return p.Badarg()
	}
	w, _, ok := iodata(h, args[0], false, false)
	if !ok {
		return p.Badarg()
	}
	return h.MakeBinary(w.data)
}

// binaryList reads a non-empty list of binaries.
func binaryList(h *term.Heap, t term.Term) ([][]byte, bool) {
	elems, ok := h.ListToSlice(t)
	if !ok || len(elems) == 0 {
		return nil, false
	}
	bs := make([][]byte, len(elems))
	for i, e := range elems {
		if bs[i], ok = binaryArg(h, e); !ok {
			return nil, false
		}
	}
	return bs, true
}

func binaryLCP(p *Process, args []term.Term) term.Term {
	bs, ok := binaryList(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	n := len(bs[0])
	for _, b := range bs[1:] {
		i := 0
		for i < n && i < len(b) && b[i] == bs[0][i] {
			i++
		}
		n = i
	}
	return term.MakeSmall(int64(n))
}

func binaryLCS(p *Process, args []term.Term) term.Term {
	bs, ok := binaryList(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	first := bs[0]
	n := len(first)
	for _, b := range bs[1:] {
		i := 0
		for i < n && i < len(b) && b[len(b)-1-i] == first[len(first)-1-i] {
			i++
		}
		n = i
	}
	return term.MakeSmall(int64(n))
}

func binaryReferencedByteSize(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !h.IsBitstring(args[0]) {
		return p.Badarg()
	}
	data, _, n := h.Bits(args[0])
	if n/8 <= heapBinaryLimit {
		// OTP copies a part this small instead of referencing its binary.
		return term.MakeSmall(int64(n / 8))
	}
	return term.MakeSmall(int64(len(data)))
}

// heapBinaryLimit is the size up to which OTP keeps binaries, and parts of
// binaries, on the process heap (ERL_ONHEAP_BIN_LIMIT).
const heapBinaryLimit = 64

var (
	atomUppercase = term.Atom("uppercase")
	atomLowercase = term.Atom("lowercase")
)

func binaryEncodeHex(p *Process, args []term.Term) term.Term {
	digits := "0123456789ABCDEF"
	if len(args) == 2 {
		switch args[1] {
		case atomUppercase:
		case atomLowercase:
			digits = "0123456789abcdef"
		default:
			return p.Badarg()
		}
	}
	b, ok := binaryArg(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	out := make([]byte, 2*len(b))
	for i, c := range b {
		out[2*i], out[2*i+1] = digits[c>>4], digits[c&15]
	}
	return p.heap.MakeBinary(out)
}

func binaryDecodeHex(p *Process, args []term.Term) term.Term {
	b, ok := binaryArg(p.heap, args[0])
	if !ok || len(b)%2 != 0 {
		return p.Badarg()
	}
	out := make([]byte, len(b)/2)
	for i := range out {
		hi, ok1 := hexDigit(b[2*i])
		lo, ok2 := hexDigit(b[2*i+1])
		if !ok1 || !ok2 {
			return p.Badarg()
		}
		out[i] = hi<<4 | lo
	}
	return p.heap.MakeBinary(out)
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
