package vm

import (
	"unicode"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/term"
)

// The case mappings of the string module, as Go natives because they need
// Unicode's case tables; the rest of string is Erlang (vm/stdlib/string.erl).
// The mappings are Unicode's simple ones plus the unconditional special
// mappings of SpecialCasing.txt that change a character's length (ß → SS,
// the Latin ligatures, İ → i̇). A binary gives a binary, anything else a
// flat list.

func init() {
	register("string",
		Native{Function: "uppercase", Arity: 1, Fn: stringUppercase, Doc: "uppercase(String): String in upper case (Unicode)"},
		Native{Function: "lowercase", Arity: 1, Fn: stringLowercase, Doc: "lowercase(String): String in lower case (Unicode)"},
		Native{Function: "casefold", Arity: 1, Fn: stringCasefold, Doc: "casefold(String): String case-folded, for caseless comparison"},
		Native{Function: "titlecase", Arity: 1, Fn: stringTitlecase, Doc: "titlecase(String): String with its first character in title case"},
	)
}

var specialUpper = map[rune]string{
	0xDF: "SS", 0x149: "\u02BCN", 0x1F0: "J\u030C",
	0xFB00: "FF", 0xFB01: "FI", 0xFB02: "FL", 0xFB03: "FFI", 0xFB04: "FFL", 0xFB05: "ST", 0xFB06: "ST",
}

var specialLower = map[rune]string{0x130: "i\u0307"}

var specialFold = map[rune]string{
	0xDF: "ss", 0x130: "i\u0307", 0x149: "\u02BCn", 0x1F0: "j\u030C",
	0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
}

var specialTitle = map[rune]string{
	0xDF: "Ss", 0x149: "\u02BCN", 0x1F0: "J\u030C",
	0xFB00: "Ff", 0xFB01: "Fi", 0xFB02: "Fl", 0xFB03: "Ffi", 0xFB04: "Ffl", 0xFB05: "St", 0xFB06: "St",
}

// caseMapArg decodes the chardata argument of a case mapping. The errors
// are OTP's: {badarg, Arg} for a term that is no list, or a binary that is
// not UTF-8; function_clause for a list that is not chardata (and for
// anything but chardata given to titlecase).
func caseMapArg(p *Process, t term.Term, title bool) ([]rune, bool) {
	h := p.heap
	w := &charsWalker{h: h, in: encUTF8}
	if w.convert(t) && w.status == decodeOK {
		return w.out, true
	}
	if title || (t.IsList() && !h.IsBinary(t)) {
		p.Error(term.AtomFunctionClause)
	} else {
		p.ErrorTuple(term.AtomBadarg, t)
	}
	return nil, false
}

// caseMapResult returns rs in the type of the argument.
func caseMapResult(p *Process, arg term.Term, rs []rune) term.Term {
	h := p.heap
	if h.IsBinary(arg) {
		buf := make([]byte, 0, len(rs))
		for _, r := range rs {
			buf = utf8.AppendRune(buf, r)
		}
		return h.MakeBinary(buf)
	}
	elems := make([]term.Term, len(rs))
	for i, r := range rs {
		elems[i] = term.MakeSmall(int64(r))
	}
	return h.List(elems...)
}

func mapRunes(rs []rune, special map[rune]string, simple func(rune) rune) []rune {
	out := make([]rune, 0, len(rs))
	for _, r := range rs {
		if s, ok := special[r]; ok {
			out = append(out, []rune(s)...)
			continue
		}
		out = append(out, simple(r))
	}
	return out
}

func stringUppercase(p *Process, args []term.Term) term.Term {
	rs, ok := caseMapArg(p, args[0], false)
	if !ok {
		return term.NoValue
	}
	return caseMapResult(p, args[0], mapRunes(rs, specialUpper, unicode.ToUpper))
}

func stringLowercase(p *Process, args []term.Term) term.Term {
	rs, ok := caseMapArg(p, args[0], false)
	if !ok {
		return term.NoValue
	}
	return caseMapResult(p, args[0], mapRunes(rs, specialLower, unicode.ToLower))
}

// foldRune is Unicode's simple case folding: the lower case of the upper
// case, which also folds characters such as ſ and ς.
func foldRune(r rune) rune { return unicode.ToLower(unicode.ToUpper(r)) }

func stringCasefold(p *Process, args []term.Term) term.Term {
	rs, ok := caseMapArg(p, args[0], false)
	if !ok {
		return term.NoValue
	}
	return caseMapResult(p, args[0], mapRunes(rs, specialFold, foldRune))
}

func stringTitlecase(p *Process, args []term.Term) term.Term {
	rs, ok := caseMapArg(p, args[0], true)
	if !ok {
		return term.NoValue
	}
	if len(rs) > 0 {
		rs = append(mapRunes(rs[:1], specialTitle, unicode.ToTitle), rs[1:]...)
	}
	return caseMapResult(p, args[0], rs)
}
