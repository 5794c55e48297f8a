package format

import (
	"strconv"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/internal/numtext"
	"github.com/avmtool/avm/vm/term"
)

// Text is a string of characters (Unicode code points, or Latin-1 ones
// when below 256), the unit io_lib works in.
type Text []rune

// Escape selects how write_string escapes characters of 160 and above:
// the three variants of io_lib (write_latin1_string, write_string and
// write_string_as_latin1).
type Escape uint8

const (
	EscLatin1          Escape = iota // 160..255 literal (callers never pass more)
	EscUnicode                       // 160 and above literal
	EscUnicodeAsLatin1               // 160..255 literal, above as \x{HEX}
)

// AppendQuoted appends s quoted with q, escaping as io_lib's write_string
// family does.
func AppendQuoted(dst Text, s []rune, q rune, esc Escape) Text {
	dst = append(dst, q)
	for _, c := range s {
		dst = appendStringChar(dst, c, q, esc)
	}
	return append(dst, q)
}

// AppendChar writes a character constant as io_lib:write_char/1 (esc
// EscUnicode), write_latin1_char/1 and write_char_as_latin1/1 do: $c.
func AppendChar(dst Text, c rune, esc Escape) Text {
	if c == ' ' && esc == EscUnicode {
		return append(dst, '$', '\\', 's') // only write_char/1 spells it $\s
	}
	return appendStringChar(append(dst, '$'), c, -1, esc)
}

func appendStringChar(dst Text, c, q rune, esc Escape) Text {
	switch {
	case c == q:
		return append(dst, '\\', q)
	case c == '\\':
		return append(dst, '\\', '\\')
	case c >= ' ' && c <= '~':
		return append(dst, c)
	case c >= 0xA0 && (c <= 0xFF || esc == EscUnicode):
		return append(dst, c)
	case c > 0xFF && esc == EscUnicodeAsLatin1:
		dst = append(dst, '\\', 'x', '{')
		for _, d := range strconv.FormatInt(int64(c), 16) {
			if d >= 'a' {
				d -= 'a' - 'A'
			}
			dst = append(dst, d)
		}
		return append(dst, '}')
	}
	switch c {
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	case '\v':
		return append(dst, '\\', 'v')
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case 27:
		return append(dst, '\\', 'e')
	case 127:
		return append(dst, '\\', 'd')
	}
	// Other control characters (below 160) as three octal digits.
	return append(dst, '\\', '0'+(c>>6)&7, '0'+(c>>3)&7, '0'+c&7)
}

var reservedWords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true,
	"bor": true, "bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true,
	"cond": true, "div": true, "end": true, "fun": true, "if": true, "let": true, "not": true,
	"of": true, "or": true, "orelse": true, "receive": true, "rem": true, "try": true,
	"when": true, "xor": true,
}

func lowerStart(c rune) bool { return c >= 'a' && c <= 'z' || c >= 0xDF && c <= 0xFF && c != 0xF7 }

func nameChar(c rune) bool {
	return lowerStart(c) || c >= 'A' && c <= 'Z' || c >= 0xC0 && c <= 0xDE && c != 0xD7 ||
		c >= '0' && c <= '9' || c == '_' || c == '@'
}

// QuoteAtom reports whether an atom named name must be quoted when
// written (io_lib:quote_atom/2).
func QuoteAtom(name string) bool {
	if reservedWords[name] {
		return true
	}
	for i, c := range name {
		if i == 0 && !lowerStart(c) || i > 0 && !nameChar(c) {
			return true
		}
	}
	return name == ""
}

// AppendAtom writes an atom as io_lib:write_atom (unicode) or
// write_atom_as_latin1 (latin1: characters above 255 escaped) do.
func AppendAtom(dst Text, name string, unicode bool) Text {
	if !QuoteAtom(name) {
		for _, c := range name {
			dst = append(dst, c)
		}
		return dst
	}
	esc := EscUnicodeAsLatin1
	if unicode {
		esc = EscUnicode
	}
	return AppendQuoted(dst, []rune(name), '\'', esc)
}

func appendString(dst Text, s string) Text {
	for _, c := range s {
		dst = append(dst, c)
	}
	return dst
}

func appendInt(dst Text, h *term.Heap, t term.Term, base int, lower bool) Text {
	var s string
	if t.IsSmall() {
		s = strconv.FormatInt(t.Small(), base)
	} else {
		s = h.ToBig(t).Text(base)
	}
	for _, c := range s {
		if !lower && c >= 'a' {
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// AppendWrite writes t as io_lib:write/2 does with depth d (-1: no limit)
// and encoding unicode or latin1 (atoms with characters above 255 escaped).
func AppendWrite(dst Text, h *term.Heap, t term.Term, d int, unicode bool) Text {
	if d == 0 {
		return append(dst, '.', '.', '.')
	}
	switch {
	case t.IsSmall():
		var buf [24]byte
		for _, c := range strconv.AppendInt(buf[:0], t.Small(), 10) {
			dst = append(dst, rune(c))
		}
		return dst
	case t.IsAtom():
		return AppendAtom(dst, term.AtomName(t), unicode)
	case t == term.Nil:
		return append(dst, '[', ']')
	case t.IsCons():
		if d == 1 {
			return append(dst, '[', '.', '.', '.', ']')
		}
		dst = append(dst, '[')
		hd, tl := h.HeadTail(t)
		dst = AppendWrite(dst, h, hd, d-1, unicode)
		d--
		for {
			if tl == term.Nil {
				break
			}
			if d == 1 {
				dst = append(dst, '|', '.', '.', '.')
				break
			}
			if !tl.IsCons() {
				dst = append(dst, '|')
				dst = AppendWrite(dst, h, tl, d-1, unicode)
				break
			}
			hd, tl = h.HeadTail(tl)
			dst = append(dst, ',')
			dst = AppendWrite(dst, h, hd, d-1, unicode)
			d--
		}
		return append(dst, ']')
	case h.IsFloat(t):
		return appendString(dst, numtext.FormatFloatShort(h.FloatValue(t)))
	case h.IsBig(t):
		return appendInt(dst, h, t, 10, true)
	case h.IsTuple(t):
		elems := h.TupleElems(t)
		if len(elems) == 0 {
			return append(dst, '{', '}')
		}
		if d == 1 {
			return append(dst, '{', '.', '.', '.', '}')
		}
		dst = append(dst, '{')
		dst = AppendWrite(dst, h, elems[0], d-1, unicode)
		d--
		for _, e := range elems[1:] {
			if d == 1 {
				dst = append(dst, ',', '.', '.', '.')
				break
			}
			dst = append(dst, ',')
			dst = AppendWrite(dst, h, e, d-1, unicode)
			d--
		}
		return append(dst, '}')
	case h.IsMap(t):
		if d == 1 {
			return append(dst, '#', '{', '}')
		}
		keys, vals := h.MapKeysValues(t)
		dst = append(dst, '#', '{')
		// Every association is written with the same depth; the count of
		// associations shown decreases from it.
		// OTP checks the depth before looking for another association, so
		// ",..." can follow the last one.
		d0 := d - 1
		for i := 0; i <= len(keys); i++ {
			if i > 0 && d-i == 1 {
				dst = append(dst, ',', '.', '.', '.')
				break
			}
			if i == len(keys) {
				break
			}
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = AppendWrite(dst, h, keys[i], d0, unicode)
			dst = append(dst, ' ', '=', '>', ' ')
			dst = AppendWrite(dst, h, vals[i], d0, unicode)
		}
		return append(dst, '}')
	case h.IsBitstring(t):
		parts, bits, _ := binParts(h, t, d, -1)
		return appendBinaryParts(dst, parts, bits)
	}
	// Pids, ports, references and funs print as their *_to_list BIFs do.
	return appendString(dst, h.Format(t))
}

// binParts splits a bitstring as io_lib:write_binary writes it: the
// decimal text of each byte and the trailing bits as "Value:Size"; when
// depth d (-1: none) or the characters budget T (-1: none) runs out, the
// rest is "..." and cut is true.
func binParts(h *term.Heap, t term.Term, d, T int) (parts []string, bits string, cut bool) {
	parts, bits, written := binPartsAt(h, t, d, T)
	_, n := h.BitstringBytes(t)
	return parts, bits, written < n
}

// WriteBinary is io_lib:write_binary/3: bitstring t written as bytes to
// depth d and within about T characters (-1: no limit), and the bits left
// out.
func WriteBinary(dst Text, h *term.Heap, t term.Term, d, T int) (Text, term.Term) {
	parts, bits, written := binPartsAt(h, t, d, tsub(T, 4))
	_, n := h.BitstringBytes(t)
	return appendBinaryParts(dst, parts, bits), h.SubBits(t, written, n-written)
}

// binPartsAt is binParts reporting how many bits were written.
func binPartsAt(h *term.Heap, t term.Term, d, T int) (parts []string, bits string, written int) {
	data, n := h.BitstringBytes(t)
	whole := n / 8
	for i := 0; i < whole; i++ {
		if d == 1 || T == 0 {
			return append(parts, "..."), "", i * 8
		}
		s := strconv.Itoa(int(data[i]))
		parts = append(parts, s)
		d--
		T = tsub(T, len(s)+1)
	}
	if r := n % 8; r != 0 {
		if d == 1 || T == 0 {
			return append(parts, "..."), "", whole * 8
		}
		v := int(data[whole]) >> (8 - r)
		bits = strconv.Itoa(v) + ":" + strconv.Itoa(r)
	}
	return parts, bits, n
}

func appendBinaryParts(dst Text, parts []string, bits string) Text {
	dst = append(dst, '<', '<')
	for i, p := range parts {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, p)
	}
	if bits != "" {
		if len(parts) > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, bits)
	}
	return append(dst, '>', '>')
}

// printableLatin1 is io_lib:printable_latin1_list/1 for one character.
func printableLatin1(c int64) bool {
	switch {
	case c >= ' ' && c <= '~', c >= 0xA0 && c <= 0xFF:
		return true
	}
	switch c {
	case '\n', '\r', '\t', '\v', '\b', '\f', 27:
		return true
	}
	return false
}

// printableUnicode is io_lib:printable_unicode_list/1 for one character.
func printableUnicode(c int64) bool {
	return printableLatin1(c) || c >= 0xA0 && c < 0xD800 || c > 0xDFFF && c < 0xFFFE || c > 0xFFFF && c <= 0x10FFFF
}

// ValidChar reports whether c is a Unicode scalar value that io_lib
// accepts in a character list (io_lib:char_list/1).
func ValidChar(c int64) bool {
	return c >= 0 && c < 0xD800 || c > 0xDFFF && c < 0xFFFE || c > 0xFFFF && c <= 0x10FFFF
}

// PrintableList reports whether t is a proper list of characters that
// pass ok.
func PrintableList(h *term.Heap, t term.Term, ok func(int64) bool) bool {
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		if !hd.IsSmall() || !ok(hd.Small()) {
			return false
		}
		t = tl
	}
	return t == term.Nil
}

// PrintableLatin1List is io_lib:printable_latin1_list/1.
func PrintableLatin1List(h *term.Heap, t term.Term) bool {
	return PrintableList(h, t, printableLatin1)
}

// PrintableUnicodeList is io_lib:printable_unicode_list/1.
func PrintableUnicodeList(h *term.Heap, t term.Term) bool {
	return PrintableList(h, t, printableUnicode)
}

// ListRunes returns the elements of a proper list of small integers.
func ListRunes(h *term.Heap, t term.Term) ([]rune, bool) {
	var rs []rune
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		if !hd.IsSmall() || hd.Small() < 0 || hd.Small() > 0x7FFFFFFF {
			return nil, false
		}
		rs = append(rs, rune(hd.Small()))
		t = tl
	}
	return rs, t == term.Nil
}

// decodeUTF8 returns the characters of b when it is valid UTF-8.
func decodeUTF8(b []byte) ([]rune, bool) {
	if !utf8.Valid(b) {
		return nil, false
	}
	return []rune(string(b)), true
}

func bytesText(b []byte) Text {
	out := make(Text, len(b))
	for i, c := range b {
		out[i] = rune(c)
	}
	return out
}
