// Package format is io_lib:format and the term writers behind it (~w,
// io_lib:write, and the pretty printer of ~p), behaving as OTP 25's
// io_lib_format and io_lib_pretty: the same output for every directive,
// field width, precision, pad character and modifier, and an error
// wherever io_lib:format raises badarg.
//
// Known differences from OTP 25, none of which changes the characters of
// ordinary output:
//
//   - Text is built as a flat slice of characters; OTP returns a deep list
//     with the same characters.
//   - Maps print in key order. OTP also does for maps of up to 32 keys,
//     but larger ones print in the order of its internal hash tree.
//   - Field widths, precisions and characters limits of ~ts count code
//     points; OTP counts grapheme clusters once a text has characters
//     above 255 (the two differ for combining marks).
package format

import (
	"errors"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/internal/numtext"
	"github.com/avmtool/avm/vm/term"
)

// ErrBadArg is returned where io_lib:format raises error:badarg.
var ErrBadArg = errors.New("badarg")

const none = -1 // no field width or precision given

// maxField bounds field widths and precisions: a larger one would make a
// text of billions of characters (OTP would try, and run out of memory).
const maxField = 1 << 20

// spec is one control sequence: ~F.P.PadModC.
type spec struct {
	width, prec int // none when absent
	left        bool
	pad         rune
	unicode     bool // t modifier
	noStrings   bool // l modifier: ~p prints lists as lists
	c           rune
}

// Format appends io_lib:format(f, args) to dst. f is a format string: a
// character list, a binary or an atom; args a proper list.
func Format(dst Text, h *term.Heap, f, args term.Term) (Text, error) {
	return FormatLimit(dst, h, f, args, -1)
}

// FormatLimit is io_lib:format/3 with the option chars_limit: the ~p, ~P,
// ~w, ~W and ~s of the format share what the rest leaves of limit
// characters (-1: no limit), and cut their terms and strings short with
// "..." to fit it, about.
func FormatLimit(dst Text, h *term.Heap, f, args term.Term, limit int) (Text, error) {
	sc := getScratch()
	defer putScratch(sc)
	var ok bool
	if sc.format, ok = formatChars(sc.format[:0], h, f); !ok {
		return dst, ErrBadArg
	}
	sc.args = sc.args[:0]
	for ; args.IsCons(); args = h.Tail(args) {
		sc.args = append(sc.args, h.Head(args))
	}
	if args != term.Nil {
		return dst, ErrBadArg
	}
	if limit < 0 {
		return run(dst, h, sc.format, sc.args)
	}
	return runLimited(dst, h, sc.format, sc.args, limit)
}

// scratch is the working memory of one Format call, reused.
type scratch struct {
	format Text
	args   []term.Term
}

var scratches = make(chan *scratch, 8)

func getScratch() *scratch {
	select {
	case sc := <-scratches:
		return sc
	default:
		return new(scratch)
	}
}

func putScratch(sc *scratch) {
	if cap(sc.format) > 1<<16 || cap(sc.args) > 1<<12 {
		return
	}
	clear(sc.args)
	select {
	case scratches <- sc:
	default:
	}
}

// formatChars appends the characters of a format: a list of characters
// (nested lists are taken as literal text), a binary (its bytes) or an
// atom.
func formatChars(dst Text, h *term.Heap, f term.Term) (Text, bool) {
	switch {
	case f.IsAtom():
		return appendString(dst, term.AtomName(f)), true
	case h.IsBinary(f):
		b, _ := h.BinaryBytes(f)
		for _, c := range b {
			dst = append(dst, rune(c))
		}
		return dst, true
	}
	return AppendCharData(dst, h, f, true)
}

func run(out Text, h *term.Heap, f Text, args []term.Term) (Text, error) {
	start := len(out)
	sc := scanner{f: f, args: args}
	var s spec
	for {
		lit, a, ctl, err := sc.next(&s)
		switch {
		case err != nil:
			return out, err
		case ctl:
			if out, err = s.control(out, h, a, start, -1); err != nil {
				return out, err
			}
		case lit < 0:
			return out, nil
		default:
			out = append(out, lit)
		}
	}
}

// scanner reads a format's literal characters and control sequences.
type scanner struct {
	f    Text
	i    int
	args []term.Term
}

// next reads the next literal character, or control sequence into s with
// its arguments (ctl true); lit is -1 at the end of a format whose
// arguments were all used.
func (sc *scanner) next(s *spec) (lit rune, a []term.Term, ctl bool, err error) {
	if sc.i >= len(sc.f) {
		if len(sc.args) != 0 {
			return 0, nil, false, ErrBadArg
		}
		return -1, nil, false, nil
	}
	c := sc.f[sc.i]
	sc.i++
	if c != '~' {
		return c, nil, false, nil
	}
	*s = spec{}
	var i int
	if i, sc.args, err = s.parse(sc.f, sc.i, sc.args); err != nil {
		return 0, nil, false, err
	}
	sc.i = i + 1
	n := 1
	switch s.c {
	case 'W', 'P', 'x', 'X':
		n = 2
	case 'n', '~':
		n = 0
	}
	if len(sc.args) < n {
		return 0, nil, false, ErrBadArg
	}
	a, sc.args = sc.args[:n], sc.args[n:]
	return 0, a, true, nil
}

// runLimited is run with a characters limit, in two passes as OTP's
// io_lib_format: the first writes literal text and the controls that are
// not limited (numbers, characters, ~s of atoms) and counts the limited
// ones; the second writes those, each getting an equal share of the
// characters left.
func runLimited(out Text, h *term.Heap, f Text, args []term.Term, limit int) (Text, error) {
	type limited struct {
		s   spec
		a   []term.Term
		pos int // where its output goes in the first pass's text
	}
	var first Text
	var lim []limited
	sc := scanner{f: f, args: args}
	var s spec
	var err error
	for {
		lit, a, ctl, e := sc.next(&s)
		if e != nil {
			return out, e
		}
		if !ctl {
			if lit < 0 {
				break
			}
			first = append(first, lit)
			continue
		}
		if s.isLimited(a) {
			lim = append(lim, limited{s, a, len(first)})
			continue
		}
		if first, err = s.control(first, h, a, 0, -1); err != nil {
			return out, err
		}
	}
	if len(lim) == 0 {
		return append(out, first...), nil
	}
	start := len(out)
	left := tsub(limit, len(first))
	prev := 0
	for k, l := range lim {
		out = append(out, first[prev:l.pos]...)
		prev = l.pos
		share := left
		if left >= 0 {
			share = left / (len(lim) - k)
		}
		n0 := len(out)
		if out, err = l.s.control(out, h, l.a, start, share); err != nil {
			return out, err
		}
		left = tsub(left, len(out)-n0)
	}
	return append(out, first[prev:]...), nil
}

// isLimited reports whether a chars_limit applies to the control: ~p ~P ~w
// ~W, and ~s of anything but an atom.
func (s *spec) isLimited(a []term.Term) bool {
	switch s.c {
	case 'p', 'P', 'w', 'W':
		return true
	case 's':
		return !a[0].IsAtom()
	}
	return false
}

// parse reads a control sequence after its ~ at f[i:], taking * values
// from args; it returns the index of the control character.
func (s *spec) parse(f Text, i int, args []term.Term) (int, []term.Term, error) {
	s.width, s.prec, s.pad = none, none, ' '
	at := func(i int) rune {
		if i < len(f) {
			return f[i]
		}
		return -1
	}
	// field reads a number or *; given is false for a * whose argument is
	// not an integer (the * is then read as the control character).
	field := func(i int) (v, next int, given bool) {
		if at(i) == '*' {
			if len(args) > 0 && args[0].IsSmall() {
				v := int(args[0].Small())
				args = args[1:]
				if v > maxField || v < -maxField {
					return 0, i, false
				}
				return v, i + 1, true
			}
			return none, i, false
		}
		if c := at(i); c < '0' || c > '9' {
			return none, i, false
		}
		v = 0
		for c := at(i); c >= '0' && c <= '9'; c = at(i) {
			v = v*10 + int(c-'0')
			if v > maxField {
				return 0, i, false
			}
			i++
		}
		return v, i, true
	}
	minus := at(i) == '-'
	if minus {
		i++
	}
	w, i, given := field(i)
	if minus && !given {
		return i, args, ErrBadArg // -none is an arithmetic error in OTP
	}
	if given {
		if minus {
			w = -w
		}
		if w < 0 {
			s.left, w = true, -w
		}
		s.width = w
	}
	if at(i) == '.' {
		s.prec, i, _ = field(i + 1)
		if at(i) == '.' {
			switch {
			case at(i+1) == '*':
				if len(args) == 0 || !args[0].IsSmall() {
					return i, args, ErrBadArg
				}
				s.pad = rune(args[0].Small())
				args = args[1:]
				i += 2
			case i+1 < len(f):
				s.pad = f[i+1]
				i += 2
			}
		}
	}
	for {
		switch at(i) {
		case 't':
			s.unicode = true
			i++
			continue
		case 'l':
			s.noStrings = true
			i++
			continue
		}
		break
	}
	s.c = at(i)
	switch s.c {
	case 'w', 'p', 'W', 'P', 's', 'e', 'f', 'g', 'b', 'B', 'x', 'X', '+', '#', 'c', '~', 'n', 'i':
		return i, args, nil
	}
	return i, args, ErrBadArg
}

// control appends the output of one control sequence; start is where this
// call's output began in out (for the column of ~p), limit the characters
// it may take (-1: no limit).
func (s *spec) control(out Text, h *term.Heap, a []term.Term, start, limit int) (Text, error) {
	switch s.c {
	case '~':
		return s.char(out, '~')
	case 'n':
		if s.width == none {
			return append(out, '\n'), nil
		}
		if s.left {
			return out, ErrBadArg
		}
		return appendRepeat(out, '\n', s.width), nil
	case 'i':
		return out, nil
	case 'c':
		if !a[0].IsSmall() {
			return out, ErrBadArg
		}
		c := a[0].Small()
		if s.unicode {
			if c < 0 || c > 0x7FFFFFFF {
				return out, ErrBadArg
			}
		} else {
			c &= 255
		}
		return s.char(out, rune(c))
	case 's':
		return s.string(out, h, a[0], limit)
	case 'e', 'f', 'g':
		if !h.IsFloat(a[0]) {
			return out, ErrBadArg
		}
		return s.float(out, h.FloatValue(a[0]))
	case 'b', 'B', 'x', 'X', '+', '#':
		return s.integer(out, h, a)
	case 'w', 'W':
		d := -1
		if s.c == 'W' {
			if !a[1].IsSmall() {
				return out, ErrBadArg
			}
			d = int(a[1].Small())
		}
		// ~w never breaks lines, so write it straight into out and move
		// it into its field afterwards.
		n0 := len(out)
		switch {
		case d == 0 || limit == 0:
			out = append(out, '.', '.', '.')
		case limit > 0:
			out = WriteLimited(out, h, a[0], d, limit, s.unicode)
		default:
			out = AppendWrite(out, h, a[0], d, s.unicode)
		}
		return s.term(out, n0)
	case 'p', 'P':
		d := -1
		if s.c == 'P' {
			if !a[1].IsSmall() {
				return out, ErrBadArg
			}
			d = int(a[1].Small())
		}
		if s.left {
			return out, ErrBadArg // OTP only defines ~p right-adjusted
		}
		ll := 80
		if s.width != none {
			ll = s.width
		}
		col := s.prec
		if col == none {
			col = Indentation(out[start:], 0) + 1
		}
		return Print(out, h, a[0], col, ll, d, limit, s.unicode, !s.noStrings), nil
	}
	return out, ErrBadArg
}

// Indentation is io_lib:indentation/2: the column after text t when it
// starts at column i (tabs stop every 8 columns).
func Indentation(t Text, i int) int {
	for _, c := range t {
		switch c {
		case '\n':
			i = 0
		case '\t':
			i = (i + 8) / 8 * 8
		default:
			i++
		}
	}
	return i
}

func appendRepeat(out Text, c rune, n int) Text {
	for ; n > 0; n-- {
		out = append(out, c)
	}
	return out
}

// adjust places the n0: part of out in a field of f characters, padding
// with the pad character on the left or right.
func (s *spec) adjust(out Text, n0, padding int) Text {
	if padding <= 0 {
		return out
	}
	if s.left {
		return appendRepeat(out, s.pad, padding)
	}
	out = appendRepeat(out, s.pad, padding)
	body := len(out) - n0 - padding
	copy(out[n0+padding:], out[n0:n0+body])
	for k := n0; k < n0+padding; k++ {
		out[k] = s.pad
	}
	return out
}

// char is io_lib_format's char/5: ~c and ~~ repeat their character.
func (s *spec) char(out Text, c rune) (Text, error) {
	switch {
	case s.width == none && s.prec == none:
		return append(out, c), nil
	case s.prec == none:
		return appendRepeat(out, c, s.width), nil
	case s.width == none:
		return appendRepeat(out, c, s.prec), nil
	case s.width >= s.prec:
		n0 := len(out)
		out = appendRepeat(out, c, s.prec)
		return s.adjust(out, n0, s.width-s.prec), nil
	}
	return out, ErrBadArg
}

// term is io_lib_format's term/5 for the text at out[n0:]: a field width
// pads it, and text longer than the precision (or width) becomes stars.
func (s *spec) term(out Text, n0 int) (Text, error) {
	f, p := s.width, s.prec
	if f == none && p == none {
		return out, nil
	}
	if f == none {
		f = p
	}
	l := len(out) - n0
	if p == none || p > f {
		p = f
	}
	p = min(l, p)
	if l > p {
		out = appendRepeat(out[:n0], '*', p)
		return s.adjust(out, n0, f-p), nil
	}
	return s.adjust(out, n0, f-l), nil
}

// string is ~s: its argument's characters, truncated or padded.
func (s *spec) string(out Text, h *term.Heap, a term.Term, limit int) (Text, error) {
	n0 := len(out)
	var ok bool
	switch {
	case a.IsAtom():
		name := term.AtomName(a)
		for _, c := range name {
			if !s.unicode && c > 255 {
				return out, ErrBadArg
			}
			out = append(out, c)
		}
		ok = true
	case h.IsBinary(a):
		b, _ := h.BinaryBytes(a)
		out = appendBinaryChars(out, b, s.unicode)
		ok = true
	default:
		out, ok = AppendCharData(out, h, a, s.unicode)
	}
	if !ok {
		return out[:n0], ErrBadArg
	}
	f, p := s.width, s.prec
	if limit >= 0 && (f == none || limit < f) {
		// Within a characters limit: the first limit-3 characters, then
		// the rest if it is under 4 characters, else "...".
		k := tsub(limit, 3)
		if rest := len(out) - n0 - k; rest >= 4 {
			out = append(out[:n0+k], '.', '.', '.')
		}
		if f != none {
			f = max(3, min(f, limit))
		}
	}
	n := len(out) - n0
	switch {
	case f == none && p == none:
		return out, nil
	case p == none:
		return s.stringField(out, n0, n, f), nil
	case f == none:
		left := s.left
		s.left = true
		out = s.stringField(out, n0, n, p)
		s.left = left
		return out, nil
	case f < p:
		return out, ErrBadArg
	case f == p:
		return s.stringField(out, n0, n, f), nil
	}
	switch {
	case n > p:
		out = out[:n0+p]
	case n < p:
		out = appendRepeat(out, s.pad, p-n)
	}
	return s.adjust(out, n0, f-p), nil
}

// stringField fits the n characters at out[n0:] into f: truncated when
// longer, padded when shorter.
func (s *spec) stringField(out Text, n0, n, f int) Text {
	switch {
	case n > f:
		return out[:n0+f]
	case n < f:
		return s.adjust(out, n0, f-n)
	}
	return out
}

// appendBinaryChars appends a binary's characters: its bytes (latin1) or,
// for ~ts, its UTF-8 characters when it is valid UTF-8.
func appendBinaryChars(out Text, b []byte, unicode bool) Text {
	if unicode && utf8.Valid(b) {
		for _, c := range string(b) {
			out = append(out, c)
		}
		return out
	}
	for _, c := range b {
		out = append(out, rune(c))
	}
	return out
}

// AppendCharData appends a deep list of characters and binaries: latin1
// (characters 0..255, binaries as bytes; io_lib_format's iolist_to_chars)
// or unicode (any character code, binaries as UTF-8; cdata_to_chars).
func AppendCharData(out Text, h *term.Heap, t term.Term, unicode bool) (Text, bool) {
	for {
		switch {
		case t == term.Nil:
			return out, true
		case h.IsBinary(t):
			b, _ := h.BinaryBytes(t)
			return appendBinaryChars(out, b, unicode), true
		case !t.IsCons():
			return out, false
		}
		hd, tl := h.HeadTail(t)
		switch {
		case hd.IsSmall():
			c := hd.Small()
			if c < 0 || !unicode && c > 255 || c > 0x7FFFFFFF {
				return out, false
			}
			out = append(out, rune(c))
		case hd.IsList() || h.IsBinary(hd):
			var ok bool
			if out, ok = AppendCharData(out, h, hd, unicode); !ok {
				return out, false
			}
		default:
			return out, false
		}
		t = tl
	}
}

// float is ~e, ~f and ~g.
func (s *spec) float(out Text, f float64) (Text, error) {
	p := s.prec
	if p == none {
		p = 6
	}
	var txt string
	var err error
	switch s.c {
	case 'e':
		txt, err = numtext.FormatExp(f, p)
	case 'f':
		txt, err = numtext.FormatFixed(f, p)
	default:
		txt, err = numtext.FormatG(f, p)
	}
	if err != nil {
		return out, ErrBadArg
	}
	n0 := len(out)
	out = appendString(out, txt)
	if s.width == none {
		return out, nil
	}
	// The precision is the number of digits here, not a field limit.
	prec := s.prec
	s.prec = s.width
	out, err = s.term(out, n0)
	s.prec = prec
	return out, err
}

// integer is ~b ~B ~x ~X ~+ ~#: the precision is the base.
func (s *spec) integer(out Text, h *term.Heap, a []term.Term) (Text, error) {
	v := a[0]
	if !h.IsInteger(v) {
		return out, ErrBadArg
	}
	base := 10
	if s.prec != none {
		base = s.prec
	}
	if base < 2 || base > 36 {
		return out, ErrBadArg
	}
	lower := s.c == 'b' || s.c == 'x' || s.c == '+'
	var prefix Text
	switch s.c {
	case 'x', 'X':
		switch {
		case a[1].IsAtom():
			prefix = appendString(nil, term.AtomName(a[1]))
		default:
			var ok bool
			if prefix, ok = AppendCharData(nil, h, a[1], true); !ok || hasBinary(h, a[1]) {
				return out, ErrBadArg
			}
		}
	case '+', '#':
		prefix = appendInt(nil, h, term.MakeSmall(int64(base)), 10, true)
		prefix = append(prefix, '#')
	}
	n0 := len(out)
	neg := h.IntSign(v) < 0
	if neg {
		out = append(out, '-')
	}
	out = append(out, prefix...)
	digits := len(out)
	out = appendInt(out, h, v, base, lower)
	if neg {
		// Drop the sign the digits came with.
		copy(out[digits:], out[digits+1:])
		out = out[:len(out)-1]
	}
	prec := s.prec
	s.prec = none
	out, err := s.term(out, n0)
	s.prec = prec
	return out, err
}

// hasBinary reports whether a deep list contains a binary (~x prefixes
// must be deep character lists).
func hasBinary(h *term.Heap, t term.Term) bool {
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		if h.IsBinary(hd) || hd.IsCons() && hasBinary(h, hd) {
			return true
		}
		t = tl
	}
	return h.IsBinary(t)
}

func decodeRune(b []byte) (rune, int) {
	c, size := utf8.DecodeRune(b)
	if c == utf8.RuneError && size <= 1 {
		return c, 0
	}
	return c, size
}
