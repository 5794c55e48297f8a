package vm

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/internal/numtext"
	"github.com/avmtool/avm/vm/term"
)

// Conversions between atoms, numbers, strings and binaries.

// Atoms.

func bifAtomToList(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	return charList(p.heap, term.AtomName(args[0]))
}

// atomEncoding reads an encoding argument: latin1, or utf8/unicode.
func atomEncoding(t term.Term) (latin1, ok bool) {
	switch t {
	case term.AtomLatin1:
		return true, true
	case term.AtomUtf8, term.AtomUnicode:
		return false, true
	}
	return false, false
}

func atomToBinary(p *Process, a, enc term.Term) term.Term {
	latin1, ok := atomEncoding(enc)
	if !a.IsAtom() || !ok {
		return p.Badarg()
	}
	name := term.AtomName(a)
	if !latin1 {
		return p.heap.MakeBinary([]byte(name))
	}
	b := make([]byte, 0, len(name))
	for _, r := range name {
		if r > 255 {
			return p.Badarg()
		}
		b = append(b, byte(r))
	}
	return p.heap.MakeBinary(b)
}

func bifAtomToBinary1(p *Process, args []term.Term) term.Term {
	return atomToBinary(p, args[0], term.AtomUtf8)
}

func bifAtomToBinary2(p *Process, args []term.Term) term.Term {
	return atomToBinary(p, args[0], args[1])
}

// atomNameFromList decodes the characters of list_to_atom's argument as
// OTP does: err is badarg or system_limit (more than 255 characters, which
// wins over a bad character after the 255th).
func atomNameFromList(h *term.Heap, t term.Term) (name string, err term.Term) {
	rs := make([]rune, 0, 16)
	for t.IsCons() {
		if len(rs) == term.MaxAtomLength {
			return "", term.AtomSystemLimit
		}
		hd, tl := h.HeadTail(t)
		if !hd.IsSmall() || !isChar(hd.Small()) {
			return "", term.AtomBadarg
		}
		rs = append(rs, rune(hd.Small()))
		t = tl
	}
	if t != term.Nil {
		return "", term.AtomBadarg
	}
	return string(rs), term.NoValue
}

func bifListToAtom(p *Process, args []term.Term) term.Term {
	name, err := atomNameFromList(p.heap, args[0])
	if err != term.NoValue {
		return p.Error(err)
	}
	return term.Atom(name)
}

func bifListToExistingAtom(p *Process, args []term.Term) term.Term {
	name, err := atomNameFromList(p.heap, args[0])
	if err != term.NoValue {
		return p.Badarg()
	}
	if a, ok := term.ExistingAtom(name); ok {
		return a
	}
	return p.Badarg()
}

// atomNameFromBinary decodes binary_to_atom's arguments; err is badarg or
// system_limit.
func atomNameFromBinary(h *term.Heap, bin, enc term.Term) (name string, err term.Term) {
	b, ok := binaryArg(h, bin)
	latin1, ok2 := atomEncoding(enc)
	if !ok || !ok2 {
		return "", term.AtomBadarg
	}
	if latin1 {
		if len(b) > term.MaxAtomLength {
			return "", term.AtomSystemLimit
		}
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return string(rs), term.NoValue
	}
	if len(b) > 4*term.MaxAtomLength {
		return "", term.AtomSystemLimit
	}
	if !utf8.Valid(b) {
		return "", term.AtomBadarg
	}
	if utf8.RuneCount(b) > term.MaxAtomLength {
		return "", term.AtomSystemLimit
	}
	return string(b), term.NoValue
}

func binaryToAtom(p *Process, bin, enc term.Term) term.Term {
	name, err := atomNameFromBinary(p.heap, bin, enc)
	if err != term.NoValue {
		return p.Error(err)
	}
	return term.Atom(name)
}

func binaryToExistingAtom(p *Process, bin, enc term.Term) term.Term {
	name, err := atomNameFromBinary(p.heap, bin, enc)
	if err != term.NoValue {
		return p.Badarg()
	}
	if a, ok := term.ExistingAtom(name); ok {
		return a
	}
	return p.Badarg()
}

// Integers.

// baseArg reads a radix argument, 2..36.
func baseArg(t term.Term) (int, bool) {
	b, ok := smallArg(t)
	return int(b), ok && numtext.ValidBase(int(b))
}

// integerToText implements integer_to_list/binary with an optional base.
func integerToText(p *Process, args []term.Term, binary bool) term.Term {
	h := p.heap
	base := 10
	if len(args) == 2 {
		b, ok := baseArg(args[1])
		if !ok {
			return p.Badarg()
		}
		base = b
	}
	var s string
	switch a := args[0]; {
	case a.IsSmall():
		s, _ = numtext.FormatInt64(a.Small(), base)
	case h.IsBig(a):
		s, _ = numtext.FormatInteger(h.ToBig(a), base)
	default:
		return p.Badarg()
	}
	if binary {
		return h.MakeBinary([]byte(s))
	}
	return charList(h, s)
}

// textToInteger implements list/binary_to_integer with an optional base. A
// list's elements must be small integers, of which OTP 25 keeps the low 8
// bits (list_to_integer([16#131]) is 1).
func textToInteger(p *Process, args []term.Term, binary bool) term.Term {
	h := p.heap
	base := 10
	if len(args) == 2 {
		b, ok := baseArg(args[1])
		if !ok {
			return p.Badarg()
		}
		base = b
	}
	var s []byte
	if binary {
		var ok bool
		if s, ok = binaryArg(h, args[0]); !ok {
			return p.Badarg()
		}
	} else {
		t := args[0]
		for ; t.IsCons(); t = h.Tail(t) {
			c := h.Head(t)
			if !c.IsSmall() {
				return p.Badarg()
			}
			s = append(s, byte(c.Small()))
		}
		if t != term.Nil {
			return p.Badarg()
		}
	}
	v, b, ok := numtext.ParseInteger(string(s), base)
	switch {
	case !ok:
		return p.Badarg()
	case b != nil:
		return h.BigInt(b)
	}
	return h.Integer(v)
}

// Floats.

// parseFloatOptions reads float_to_list/2's options (see numtext.FloatOpts):
// the last of short, {decimals, N} and {scientific, N} wins.
func parseFloatOptions(h *term.Heap, opts term.Term) (numtext.FloatOpts, bool) {
	var f numtext.FloatOpts
	for ; opts.IsCons(); opts = h.Tail(opts) {
		switch o := h.Head(opts); {
		case o == term.AtomCompact:
			f.Compact = true
		case o == term.AtomShort:
			f.Format = numtext.FormatShort
		case h.IsTuple(o) && h.TupleSize(o) == 2 && h.TupleElems(o)[1].IsSmall():
			e := h.TupleElems(o)
			switch e[0] {
			case term.AtomDecimals:
				f.Format = numtext.FormatDecimals
			case term.AtomScientific:
				f.Format = numtext.FormatScientific
			default:
				return f, false
			}
			f.Precision = e[1].Small()
		default:
			return f, false
		}
	}
	return f, opts == term.Nil
}

// floatToText implements float_to_list/binary with optional options.
func floatToText(p *Process, args []term.Term, binary bool) term.Term {
	h := p.heap
	if !h.IsFloat(args[0]) {
		return p.Badarg()
	}
	var opts numtext.FloatOpts // FormatLegacy
	if len(args) == 2 {
		var ok bool
		if opts, ok = parseFloatOptions(h, args[1]); !ok {
			return p.Badarg()
		}
	}
	s, err := numtext.FormatFloat(h.FloatValue(args[0]), opts)
	if err != nil {
		return p.Badarg()
	}
	if binary {
		return h.MakeBinary([]byte(s))
	}
	return charList(h, s)
}

// textToFloat implements list/binary_to_float (numtext.ParseFloat has the
// syntax: "1.5", "-2.0e10", not "1" or "1e5"). A list holds bytes 0..255.
func textToFloat(p *Process, t term.Term, binary bool) term.Term {
	h := p.heap
	var s []byte
	var ok bool
	if binary {
		s, ok = binaryArg(h, t)
	} else {
		s, ok = latin1Bytes(h, t)
	}
	if !ok {
		return p.Badarg()
	}
	f, ok := numtext.ParseFloat(string(s))
	if !ok {
		return p.Badarg()
	}
	return h.Float(f)
}

// Pids, ports and references as text.

// parseDotted parses prefix N1.N2... suffix with exactly len(max) decimal
// numbers, each at most its max.
func parseDotted(s, prefix, suffix string, max ...uint64) ([]uint64, bool) {
	body, ok := strings.CutPrefix(s, prefix)
	if body, ok = strings.CutSuffix(body, suffix); !ok || !strings.HasPrefix(s, prefix) {
		return nil, false
	}
	parts := strings.Split(body, ".")
	if len(parts) != len(max) {
		return nil, false
	}
	out := make([]uint64, len(parts))
	for i, part := range parts {
		if part == "" || strings.Trim(part, "0123456789") != "" {
			return nil, false
		}
		v, err := strconv.ParseUint(part, 10, 64)
		if err != nil || v > max[i] {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

// textArg reads a Latin-1 string argument.
func textArg(h *term.Heap, t term.Term) (string, bool) {
	b, ok := latin1Bytes(h, t)
	return string(b), ok
}

// bifListToPid parses "<0.N.S>" (local node only; N < 2^15, S < 2^13 as in
// OTP). The pid's id is N + S*2^15.
func bifListToPid(p *Process, args []term.Term) term.Term {
	s, ok := textArg(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	v, ok := parseDotted(s, "<", ">", 0, 1<<15-1, 1<<13-1)
	if !ok {
		return p.Badarg()
	}
	return term.MakePid(v[1] | v[2]<<15)
}

func bifListToPort(p *Process, args []term.Term) term.Term {
	s, ok := textArg(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	v, ok := parseDotted(s, "#Port<", ">", 0, term.MaxSmall)
	if !ok {
		return p.Badarg()
	}
	return term.MakePort(v[1])
}

// bifListToRef parses "#Ref<0.A.B.C>". A reference holds 64 bits here: B
// and C; A is accepted but not kept.
func bifListToRef(p *Process, args []term.Term) term.Term {
	s, ok := textArg(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	v, ok := parseDotted(s, "#Ref<", ">", 0, 1<<32-1, 1<<32-1, 1<<32-1)
	if !ok {
		return p.Badarg()
	}
	return p.heap.Ref(v[2]<<32 | v[3])
}

// identityText makes pid_to_list/1 and friends: the term as ~w prints it.
func identityText(test func(h *term.Heap, t term.Term) bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		if !test(p.heap, args[0]) {
			return p.Badarg()
		}
		return charList(p.heap, p.heap.Format(args[0]))
	}
}

func init() {
	// ~w and ~p print floats as OTP does.
	term.FormatFloat = numtext.FormatFloatShort

	register("erlang",
		Native{Function: "list_to_pid", Arity: 1, Fn: bifListToPid, Doc: "The local pid written \"<0.N.S>\"."},
		Native{Function: "list_to_port", Arity: 1, Fn: bifListToPort, Doc: "The local port written \"#Port<0.N>\"."},
		Native{Function: "list_to_ref", Arity: 1, Fn: bifListToRef, Doc: "The reference written \"#Ref<0.A.B.C>\"."},
		Native{Function: "pid_to_list", Arity: 1, Fn: identityText(func(_ *term.Heap, t term.Term) bool { return t.IsPid() }), Doc: "The text of a pid."},
		Native{Function: "port_to_list", Arity: 1, Fn: identityText(func(_ *term.Heap, t term.Term) bool { return t.IsPort() }), Doc: "The text of a port."},
		Native{Function: "ref_to_list", Arity: 1, Fn: identityText((*term.Heap).IsRef), Doc: "The text of a reference."},
	)
	register("erlang",
		Native{Function: "atom_to_list", Arity: 1, Fn: bifAtomToList, Doc: "The characters of an atom's name."},
		Native{Function: "atom_to_binary", Arity: 1, Fn: bifAtomToBinary1, Doc: "An atom's name as a UTF-8 binary."},
		Native{Function: "atom_to_binary", Arity: 2, Fn: bifAtomToBinary2, Doc: "An atom's name as a binary in latin1 or utf8 (unicode)."},
		Native{Function: "list_to_atom", Arity: 1, Fn: bifListToAtom, Doc: "The atom of a list of characters; system_limit past 255 characters."},
		Native{Function: "list_to_existing_atom", Arity: 1, Fn: bifListToExistingAtom, Doc: "The atom of a list of characters, if it exists; badarg otherwise."},
		Native{Function: "binary_to_atom", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return binaryToAtom(p, a[0], term.AtomUtf8) }, Doc: "The atom named by a UTF-8 binary."},
		Native{Function: "binary_to_atom", Arity: 2, Fn: func(p *Process, a []term.Term) term.Term { return binaryToAtom(p, a[0], a[1]) }, Doc: "The atom named by a binary in latin1 or utf8 (unicode)."},
		Native{Function: "binary_to_existing_atom", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return binaryToExistingAtom(p, a[0], term.AtomUtf8) }, Doc: "The existing atom named by a UTF-8 binary; badarg if there is none."},
		Native{Function: "binary_to_existing_atom", Arity: 2, Fn: func(p *Process, a []term.Term) term.Term { return binaryToExistingAtom(p, a[0], a[1]) }, Doc: "The existing atom named by a binary in the given encoding; badarg if there is none."},
		Native{Function: "integer_to_list", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return integerToText(p, a, false) }, Doc: "The decimal digits of an integer."},
		Native{Function: "integer_to_list", Arity: 2, Fn: func(p *Process, a []term.Term) term.Term { return integerToText(p, a, false) }, Doc: "The digits of an integer in base 2..36 (upper case)."},
		Native{Function: "integer_to_binary", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return integerToText(p, a, true) }, Doc: "The decimal digits of an integer, as a binary."},
		Native{Function: "integer_to_binary", Arity: 2, Fn: func(p *Process, a []term.Term) term.Term { return integerToText(p, a, true) }, Doc: "The digits of an integer in base 2..36, as a binary."},
		Native{Function: "list_to_integer", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return textToInteger(p, a, false) }, Doc: "Parses an optionally signed decimal integer."},
		Native{Function: "list_to_integer", Arity: 2, Fn: func(p *Process, a []term.Term) term.Term { return textToInteger(p, a, false) }, Doc: "Parses an optionally signed integer in base 2..36."},
		Native{Function: "binary_to_integer", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return textToInteger(p, a, true) }, Doc: "Parses an optionally signed decimal integer from a binary."},
		Native{Function: "binary_to_integer", Arity: 2, Fn: func(p *Process, a []term.Term) term.Term { return textToInteger(p, a, true) }, Doc: "Parses an optionally signed integer in base 2..36 from a binary."},
		Native{Function: "float_to_list", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return floatToText(p, a, false) }, Doc: "A float in scientific notation with 20 decimals."},
		Native{Function: "float_to_list", Arity: 2, Fn: func(p *Process, a []term.Term) term.Term { return floatToText(p, a, false) }, Doc: "A float formatted with options short, {decimals, N}, {scientific, N}, compact."},
		Native{Function: "float_to_binary", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return floatToText(p, a, true) }, Doc: "float_to_list/1 as a binary."},
		Native{Function: "float_to_binary", Arity: 2, Fn: func(p *Process, a []term.Term) term.Term { return floatToText(p, a, true) }, Doc: "float_to_list/2 as a binary."},
		Native{Function: "list_to_float", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return textToFloat(p, a[0], false) }, Doc: "Parses a float in Erlang syntax (\"1.5\", \"2.0e-3\")."},
		Native{Function: "binary_to_float", Arity: 1, Fn: func(p *Process, a []term.Term) term.Term { return textToFloat(p, a[0], true) }, Doc: "Parses a float in Erlang syntax from a binary."},
	)
}
