package vm

import (
	"strconv"

	"github.com/avmtool/avm/vm/internal/format"
	"github.com/avmtool/avm/vm/term"
)

// io_lib's pre-parsed formats: scan_format/2 splits a format and its
// arguments into literal characters and one map per control sequence
// (OTP 25's format_spec: control_char, args, width, adjust, precision,
// pad_char, encoding, strings), which a caller may inspect or change
// (Elixir's Logger truncates the arguments of Erlang reports this way);
// build_text/1,2 writes such a list out. build_text goes through
// unscan_format/1's reverse translation and the ordinary formatter, so
// the text is exactly io_lib:format's.

func init() {
	register("io_lib",
		Native{Function: "scan_format", Arity: 2, Fn: ioLibScanFormat, Doc: "scan_format(Format, Data): the format as a list of characters and a map per control sequence with its arguments"},
		Native{Function: "unscan_format", Arity: 1, Fn: ioLibUnscanFormat, Doc: "unscan_format(FormatList): {Format, Data} back from a list made by scan_format/2"},
		Native{Function: "build_text", Arity: 1, Fn: ioLibBuildText, Doc: "build_text(FormatList): the characters of a list made by scan_format/2, as io_lib:format writes them"},
		Native{Function: "build_text", Arity: 2, Fn: ioLibBuildText, Doc: "build_text/1 with options: {chars_limit, N} cuts terms and strings short"},
	)
}

var (
	atomControlChar = term.Atom("control_char")
	atomArgs        = term.Atom("args")
	atomWidth       = term.Atom("width")
	atomAdjust      = term.Atom("adjust")
	atomPrecision   = term.Atom("precision")
	atomPadChar     = term.Atom("pad_char")
	atomStrings     = term.Atom("strings")
	atomLeft        = term.Atom("left")
	atomRight       = term.Atom("right")
)

// formatElems is a format's elements as scan_format reads them: the
// characters of an atom, the bytes of a binary, the elements of a list.
func formatElems(h *term.Heap, f term.Term) ([]term.Term, bool) {
	switch {
	case f.IsAtom():
		var out []term.Term
		for _, r := range term.AtomName(f) {
			out = append(out, term.MakeSmall(int64(r)))
		}
		return out, true
	case h.IsBinary(f):
		b, ok := h.BinaryBytes(f)
		if !ok {
			return nil, false
		}
		out := make([]term.Term, len(b))
		for i, c := range b {
			out[i] = term.MakeSmall(int64(c))
		}
		return out, true
	}
	return h.ListToSlice(f)
}

// formatScanner walks a format and its arguments as io_lib_format:scan
// does.
type formatScanner struct {
	f    []term.Term
	i    int
	args []term.Term
}

func (s *formatScanner) peek() (rune, bool) {
	if s.i < len(s.f) && s.f[s.i].IsSmall() {
		return rune(s.f[s.i].Small()), true
	}
	return 0, false
}

// arg takes the next argument.
func (s *formatScanner) arg() (term.Term, bool) {
	if len(s.args) == 0 {
		return term.NoValue, false
	}
	a := s.args[0]
	s.args = s.args[1:]
	return a, true
}

// maxFieldValue bounds a width or precision written in digits, far above
// any text a format could make, so that the value stays a small integer.
const maxFieldValue = 1 << 32

// fieldValue reads a field (width or precision): *, taking an integer
// argument, or digits; ok is false for a * without an integer argument, or
// digits beyond maxFieldValue.
func (s *formatScanner) fieldValue() (v int64, set, ok bool) {
	if c, _ := s.peek(); c == '*' {
		if len(s.args) == 0 || !s.args[0].IsSmall() {
			return 0, false, false
		}
		s.i++
		a, _ := s.arg()
		return a.Small(), true, true
	}
	for {
		c, isChar := s.peek()
		if !isChar || c < '0' || c > '9' {
			return v, set, true
		}
		v, set = 10*v+int64(c-'0'), true
		if v > maxFieldValue {
			return 0, false, false
		}
		s.i++
	}
}

// argCounts is how many arguments each control character takes.
var argCounts = map[rune]int{
	'w': 1, 'p': 1, 'W': 2, 'P': 2, 's': 1, 'e': 1, 'f': 1, 'g': 1, 'b': 1, 'B': 1,
	'x': 2, 'X': 2, '+': 1, '#': 1, 'c': 1, '~': 0, 'n': 0, 'i': 1,
}

// spec reads one control sequence after its ~ and builds its map.
func (s *formatScanner) spec(h *term.Heap) (term.Term, bool) {
	// The width: a - flag, then * or digits; a negative width (from a *
	// argument, or -) means left adjustment.
	left := false
	if c, _ := s.peek(); c == '-' {
		s.i++
		left = true
	}
	v, set, ok := s.fieldValue()
	if !ok || left && !set {
		// "~-p": OTP negates the missing width and fails.
		return term.NoValue, false
	}
	width, adjust := term.Term(atomNone), atomRight
	if set {
		if left {
			v = -v
		}
		if v < 0 {
			v, adjust = -v, atomLeft
		}
		width = term.MakeSmall(v)
	}
	precision := term.Term(atomNone)
	if c, _ := s.peek(); c == '.' {
		s.i++
		v, set, ok := s.fieldValue()
		if !ok {
			return term.NoValue, false
		}
		if set {
			precision = term.MakeSmall(v)
		}
	}
	pad := term.MakeSmall(' ')
	if c, _ := s.peek(); c == '.' && s.i+1 < len(s.f) {
		if c2, _ := s.peekAt(s.i + 1); c2 == '*' {
			a, ok := s.arg()
			if !ok {
				return term.NoValue, false
			}
			pad = a
		} else {
			pad = s.f[s.i+1]
		}
		s.i += 2
	}
	encoding, strings := atomLatin1, term.True
	for {
		c, _ := s.peek()
		if c == 't' {
			encoding = atomUnicode
		} else if c == 'l' {
			strings = term.False
		} else {
			break
		}
		s.i++
	}
	c, isChar := s.peek()
	n, known := argCounts[c]
	if !isChar || !known || len(s.args) < n {
		return term.NoValue, false
	}
	s.i++
	as := h.List(s.args[:n]...)
	s.args = s.args[n:]
	keys := []term.Term{atomControlChar, atomArgs, atomWidth, atomAdjust, atomPrecision, atomPadChar, atomIOEncoding, atomStrings}
	vals := []term.Term{term.MakeSmall(int64(c)), as, width, adjust, precision, pad, encoding, strings}
	return h.MapFromPairs(keys, vals), true
}

func (s *formatScanner) peekAt(i int) (rune, bool) {
	if i < len(s.f) && s.f[i].IsSmall() {
		return rune(s.f[i].Small()), true
	}
	return 0, false
}

func ioLibScanFormat(p *Process, args []term.Term) term.Term {
	h := p.heap
	f, ok := formatElems(h, args[0])
	if !ok {
		return p.Badarg()
	}
	data, ok := h.ListToSlice(args[1])
	if !ok {
		return p.Badarg()
	}
	s := &formatScanner{f: f, args: data}
	var out []term.Term
	for s.i < len(s.f) {
		if c, _ := s.peek(); c != '~' {
			out = append(out, s.f[s.i])
			s.i++
			continue
		}
		s.i++
		m, ok := s.spec(h)
		if !ok {
			return p.Badarg()
		}
		out = append(out, m)
	}
	if len(s.args) != 0 {
		return p.Badarg()
	}
	return h.List(out...)
}

// unscan turns a list made by scan_format back into format characters
// and arguments. A literal ~ becomes ~~, so that the format writes it
// back as it is.
func unscan(h *term.Heap, list term.Term) (chars []rune, data []term.Term, ok bool) {
	elems, ok := h.ListToSlice(list)
	if !ok {
		return nil, nil, false
	}
	for _, e := range elems {
		if e.IsSmall() {
			if !isChar(e.Small()) {
				return nil, nil, false
			}
			if e.Small() == '~' {
				chars = append(chars, '~')
			}
			chars = append(chars, rune(e.Small()))
			continue
		}
		seq, as, ok := unscanSpec(h, e)
		if !ok {
			return nil, nil, false
		}
		chars = append(chars, seq...)
		data = append(data, as...)
	}
	return chars, data, true
}

// unscanSpec is the control sequence of one format_spec map and its
// arguments, as io_lib_format:unscan prints it.
func unscanSpec(h *term.Heap, m term.Term) ([]rune, []term.Term, bool) {
	if !h.IsMap(m) {
		return nil, nil, false
	}
	get := func(k term.Term) term.Term {
		v, ok := h.MapGet(m, k)
		if !ok {
			return term.NoValue
		}
		return v
	}
	c, as, width, adjust := get(atomControlChar), get(atomArgs), get(atomWidth), get(atomAdjust)
	precision, pad, encoding, strings := get(atomPrecision), get(atomPadChar), get(atomIOEncoding), get(atomStrings)
	data, ok := h.ListToSlice(as)
	if !ok || !c.IsSmall() || !isChar(c.Small()) || !pad.IsSmall() || !isChar(pad.Small()) {
		return nil, nil, false
	}
	seq := []rune{'~'}
	switch {
	case width == atomNone && (adjust == atomLeft || adjust == atomRight):
	case width.IsSmall() && adjust == atomRight:
		seq = append(seq, []rune(strconv.FormatInt(width.Small(), 10))...)
	case width.IsSmall() && adjust == atomLeft:
		seq = append(seq, []rune(strconv.FormatInt(-width.Small(), 10))...)
	default:
		return nil, nil, false
	}
	switch {
	case precision.IsSmall():
		seq = append(seq, '.')
		seq = append(seq, []rune(strconv.FormatInt(precision.Small(), 10))...)
	case precision != atomNone:
		return nil, nil, false
	case pad.Small() != ' ':
		seq = append(seq, '.')
	}
	if pad.Small() != ' ' {
		seq = append(seq, '.', rune(pad.Small()))
	}
	switch encoding {
	case atomUnicode:
		seq = append(seq, 't')
	case atomLatin1:
	default:
		return nil, nil, false
	}
	switch strings {
	case term.False:
		seq = append(seq, 'l')
	case term.True:
	default:
		return nil, nil, false
	}
	return append(seq, rune(c.Small())), data, true
}

func ioLibUnscanFormat(p *Process, args []term.Term) term.Term {
	chars, data, ok := unscan(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	h := p.heap
	return h.Tuple(charList(h, string(chars)), h.List(data...))
}

func ioLibBuildText(p *Process, args []term.Term) term.Term {
	h := p.heap
	limit := -1
	if len(args) == 2 {
		opts, ok := h.ListToSlice(args[1])
		if !ok {
			return p.Badarg()
		}
		if v, found := option(h, opts, atomCharsLim); found {
			if !v.IsSmall() {
				return p.Badarg()
			}
			limit = int(max(v.Small(), -1))
		}
	}
	chars, data, ok := unscan(h, args[0])
	if !ok {
		return p.Badarg()
	}
	var r term.Term
	err := formatText(h, charList(h, string(chars)), h.List(data...), limit, func(t format.Text) { r = textList(h, t) })
	if err != nil {
		return p.Badarg()
	}
	return r
}
