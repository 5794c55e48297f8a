package term

import (
	"strconv"
	"strings"
)

// FormatFloat prints a float as io_lib's ~w does; the VM installs OTP's
// exact algorithm (package numtext) at start-up.
var FormatFloat = func(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eIN") {
		s += ".0"
	}
	return s
}

// FunName, when set by the VM, names a closure for printing:
// #Fun<Module.Index.Uniq>.
var FunName func(funRef uint64) (module string, index, uniq int)

// Format prints t as io_lib:format("~w") does.
func (h *Heap) Format(t Term) string {
	var b strings.Builder
	h.write(&b, t, false)
	return b.String()
}

// FormatPrintable prints t on one line like ~p: lists of printable
// characters as strings and printable binaries as <<"...">>.
func (h *Heap) FormatPrintable(t Term) string {
	var b strings.Builder
	h.write(&b, t, true)
	return b.String()
}

func (h *Heap) write(b *strings.Builder, t Term, pretty bool) {
	switch {
	case t.IsSmall():
		b.WriteString(strconv.FormatInt(t.Small(), 10))
	case t.IsAtom():
		b.WriteString(QuoteAtom(AtomName(t)))
	case t == Nil:
		b.WriteString("[]")
	case t.IsPid():
		// OTP splits a local pid's number into a 15-bit number and a serial.
		id := t.PidID()
		b.WriteString("<0." + strconv.FormatUint(id&0x7FFF, 10) + "." + strconv.FormatUint(id>>15, 10) + ">")
	case t.IsPort():
		b.WriteString("#Port<0." + strconv.FormatUint(t.PidID(), 10) + ">")
	case t.IsCons():
		if pretty {
			if s, ok := h.printableString(t); ok {
				b.WriteString(QuoteString(s, '"'))
				return
			}
		}
		b.WriteByte('[')
		first := true
		for t.IsCons() {
			if !first {
				b.WriteByte(',')
			}
			first = false
			hd, tl := h.HeadTail(t)
			h.write(b, hd, pretty)
			t = tl
		}
		if t != Nil {
			b.WriteByte('|')
			h.write(b, t, pretty)
		}
		b.WriteByte(']')
	case t.IsBoxed():
		h.writeBoxed(b, t, pretty)
	default:
		b.WriteString("<bad term " + strconv.FormatUint(uint64(t), 16) + ">")
	}
}

func (h *Heap) writeBoxed(b *strings.Builder, t Term, pretty bool) {
	switch h.header(t).headerSubtag() {
	case subTuple:
		b.WriteByte('{')
		for i, e := range h.TupleElems(t) {
			if i > 0 {
				b.WriteByte(',')
			}
			h.write(b, e, pretty)
		}
		b.WriteByte('}')
	case subPosBig, subNegBig:
		b.WriteString(h.ToBig(t).String())
	case subFloat:
		b.WriteString(FormatFloat(h.FloatValue(t)))
	case subProcBin, subSubBin:
		h.writeBits(b, t, pretty)
	case subMap:
		keys, vals := h.MapKeysValues(t)
		b.WriteString("#{")
		for i := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			h.write(b, keys[i], pretty)
			b.WriteString(" => ")
			h.write(b, vals[i], pretty)
		}
		b.WriteByte('}')
	case subFun:
		ref, _ := h.ClosureParts(t)
		if FunName != nil {
			m, idx, uniq := FunName(ref)
			b.WriteString("#Fun<" + m + "." + strconv.Itoa(idx) + "." + strconv.Itoa(uniq) + ">")
		} else {
			b.WriteString("#Fun<" + strconv.FormatUint(ref, 10) + ">")
		}
	case subExport:
		m, f, a := h.ExportParts(t)
		b.WriteString("fun " + QuoteAtom(AtomName(m)) + ":" + QuoteAtom(AtomName(f)) + "/" + strconv.Itoa(a))
	case subRef:
		id := h.RefID(t)
		b.WriteString("#Ref<0.0." + strconv.FormatUint(id>>32, 10) + "." + strconv.FormatUint(id&0xFFFFFFFF, 10) + ">")
	case subMatch:
		b.WriteString("#MatchState<>")
	default:
		b.WriteString("<bad box>")
	}
}

func (h *Heap) writeBits(b *strings.Builder, t Term, pretty bool) {
	data, n := h.BitstringBytes(t)
	whole := n / 8
	if pretty && n%8 == 0 && whole > 0 && printableBytes(data[:whole]) {
		b.WriteString("<<")
		b.WriteString(QuoteString(string(data[:whole]), '"'))
		b.WriteString(">>")
		return
	}
	b.WriteString("<<")
	for i := 0; i < whole; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(int(data[i])))
	}
	if r := n % 8; r != 0 {
		if whole > 0 {
			b.WriteByte(',')
		}
		v := int(data[whole]) >> (8 - r)
		b.WriteString(strconv.Itoa(v) + ":" + strconv.Itoa(r))
	}
	b.WriteString(">>")
}

// printableString returns the characters of a list that io_lib considers
// printable (latin1 range).
func (h *Heap) printableString(t Term) (string, bool) {
	var rs []rune
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		if !hd.IsSmall() || !printableChar(hd.Small()) {
			return "", false
		}
		rs = append(rs, rune(hd.Small()))
		t = tl
	}
	return string(rs), t == Nil
}

func printableChar(c int64) bool {
	switch {
	case c >= 32 && c <= 126, c >= 160 && c <= 255:
		return true
	}
	switch c {
	case '\n', '\r', '\t', '\v', '\b', '\f', 27:
		return true
	}
	return false
}

func printableBytes(bs []byte) bool {
	for _, c := range bs {
		if !printableChar(int64(c)) {
			return false
		}
	}
	return true
}

var reservedWords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true,
	"bor": true, "bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true,
	"cond": true, "div": true, "end": true, "fun": true, "if": true, "let": true, "not": true,
	"of": true, "or": true, "orelse": true, "receive": true, "rem": true, "try": true,
	"when": true, "xor": true,
}

// QuoteAtom returns an atom's name as ~w writes it: bare when it starts
// with a lowercase letter (Latin-1) and continues with letters, digits, _
// or @, and is not a reserved word; quoted otherwise.
func QuoteAtom(name string) string {
	bare := name != "" && !reservedWords[name]
	for i, r := range name {
		lower := r >= 'a' && r <= 'z' || r >= 0xDF && r <= 0xFF && r != 0xF7
		upper := r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0xDE && r != 0xD7
		if i == 0 && !lower || i > 0 && !(lower || upper || r >= '0' && r <= '9' || r == '_' || r == '@') {
			bare = false
			break
		}
	}
	if bare {
		return name
	}
	return QuoteString(name, '\'')
}

// QuoteString quotes s with q ('"' or '\”) using Erlang's escapes.
func QuoteString(s string, q byte) string {
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\v':
			b.WriteString(`\v`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case 27:
			b.WriteString(`\e`)
		case 127:
			b.WriteString(`\d`)
		case '\\':
			b.WriteString(`\\`)
		default:
			if r == rune(q) {
				b.WriteByte('\\')
				b.WriteRune(r)
			} else if r < 32 {
				b.WriteString(`\^` + string(rune(r+64)))
			} else if r > 255 && q == '\'' {
				b.WriteString(`\x{` + strings.ToUpper(strconv.FormatInt(int64(r), 16)) + `}`)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte(q)
	return b.String()
}
