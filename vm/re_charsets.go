package vm

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Character sets of the re module's patterns. OTP builds PCRE with Latin-1
// character tables, so without the ucp option \w, [:alpha:] and the like
// know the Latin-1 letters, and nothing above 255; with ucp they follow
// Unicode properties. The translator spells every such class out as ranges
// so that regexp2's own (Unicode) notion of \w never applies.

// runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

// runeSet is a set of code points: sorted, non-overlapping, non-adjacent ranges.
type runeSet []runeRange

func (s runeSet) normalize() runeSet {
	sort.Slice(s, func(i, j int) bool { return s[i].lo < s[j].lo })
	var out runeSet
	for _, r := range s {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

func (s runeSet) union(t runeSet) runeSet {
	return append(append(runeSet(nil), s...), t...).normalize()
}

func (s runeSet) complement() runeSet {
	var out runeSet
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, runeRange{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, runeRange{next, unicode.MaxRune})
	}
	return out
}

func setOf(ranges ...rune) runeSet {
	var s runeSet
	for i := 0; i+1 < len(ranges); i += 2 {
		s = append(s, runeRange{ranges[i], ranges[i+1]})
	}
	return s.normalize()
}

func setFromTable(tabs ...*unicode.RangeTable) runeSet {
	var s runeSet
	for _, t := range tabs {
		for _, r := range t.R16 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				if r.Stride == 1 {
					s = append(s, runeRange{rune(r.Lo), rune(r.Hi)})
					break
				}
				s = append(s, runeRange{c, c})
			}
		}
		for _, r := range t.R32 {
			for c := rune(r.Lo); c <= rune(r.Hi); c += rune(r.Stride) {
				if r.Stride == 1 {
					s = append(s, runeRange{rune(r.Lo), rune(r.Hi)})
					break
				}
				s = append(s, runeRange{c, c})
			}
		}
	}
	return s.normalize()
}

// The Latin-1 tables OTP's PCRE is built with (measured on OTP 25).
var (
	latin1Alpha = setOf('A', 'Z', 'a', 'z', 0xAA, 0xAA, 0xB5, 0xB5, 0xBA, 0xBA, 0xC0, 0xD6, 0xD8, 0xF6, 0xF8, 0xFF)
	latin1Lower = setOf('a', 'z', 0xAA, 0xAA, 0xB5, 0xB5, 0xBA, 0xBA, 0xDF, 0xF6, 0xF8, 0xFF)
	latin1Upper = setOf('A', 'Z', 0xC0, 0xD6, 0xD8, 0xDE)
	asciiDigit  = setOf('0', '9')
	latin1Word  = latin1Alpha.union(asciiDigit).union(setOf('_', '_'))
	latin1Space = setOf(9, 13, ' ', ' ')
	hSpace      = setOf(9, 9, ' ', ' ', 0xA0, 0xA0, 0x1680, 0x1680, 0x180E, 0x180E, 0x2000, 0x200A, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000)
	vSpace      = setOf(10, 13, 0x85, 0x85, 0x2028, 0x2029)
	ucpWord     = setFromTable(unicode.L, unicode.N).union(setOf('_', '_'))
	ucpDigit    = setFromTable(unicode.Nd)
	ucpSpace    = setFromTable(unicode.Z).union(setOf(9, 13, ' ', ' ', 0x85, 0x85))
)

// posixClass returns the set of a [:name:] class.
func posixClass(name string, ucp bool) (runeSet, bool) {
	if ucp {
		switch name {
		case "alpha":
			return setFromTable(unicode.L), true
		case "lower":
			return setFromTable(unicode.Ll), true
		case "upper":
			return setFromTable(unicode.Lu), true
		case "alnum":
			return setFromTable(unicode.L, unicode.N), true
		case "digit":
			return ucpDigit, true
		case "space":
			return ucpSpace, true
		case "word":
			return ucpWord, true
		}
	}
	switch name {
	case "alpha":
		return latin1Alpha, true
	case "lower":
		return latin1Lower, true
	case "upper":
		return latin1Upper, true
	case "alnum":
		return latin1Alpha.union(asciiDigit), true
	case "digit":
		return asciiDigit, true
	case "xdigit":
		return setOf('0', '9', 'A', 'F', 'a', 'f'), true
	case "space":
		return latin1Space, true
	case "blank":
		return setOf(9, 9, ' ', ' '), true
	case "word":
		return latin1Word, true
	case "cntrl":
		return setOf(0, 31, 127, 159), true
	case "print":
		return setOf(32, 126, 160, 255), true
	case "graph":
		return setOf(33, 126, 160, 255), true
	case "punct":
		return setOf(33, 47, 58, 64, 91, 96, 123, 126, 160, 169, 171, 180, 182, 185, 187, 191, 215, 215, 247, 247), true
	case "ascii":
		return setOf(0, 127), true
	}
	return nil, false
}

// propertySet returns the set of a \p{Name} property: general categories,
// scripts, Any, L& and PCRE's Xan, Xsp, Xps, Xwd.
func propertySet(name string) (runeSet, bool) {
	switch name {
	case "Any":
		return setOf(0, unicode.MaxRune), true
	case "L&":
		return setFromTable(unicode.Lu, unicode.Ll, unicode.Lt), true
	case "Xan":
		return setFromTable(unicode.L, unicode.N), true
	case "Xsp", "Xps":
		return ucpSpace, true
	case "Xwd":
		return ucpWord, true
	}
	if t, ok := unicode.Categories[name]; ok {
		return setFromTable(t), true
	}
	if t, ok := unicode.Scripts[name]; ok {
		return setFromTable(t), true
	}
	return nil, false
}

// writeClass writes s as a regexp2 character class ([^…] when negated).
func writeClass(b *strings.Builder, s runeSet, negated bool) {
	if len(s) == 0 {
		if negated {
			b.WriteString(`[\s\S]`)
		} else {
			b.WriteString(`(?!)`)
		}
		return
	}
	b.WriteByte('[')
	if negated {
		b.WriteByte('^')
	}
	for _, r := range s {
		writeClassRune(b, r.lo)
		if r.hi != r.lo {
			if r.hi > r.lo+1 {
				b.WriteByte('-')
			}
			writeClassRune(b, r.hi)
		}
	}
	b.WriteByte(']')
}

func writeClassRune(b *strings.Builder, r rune) {
	switch {
	case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
		b.WriteRune(r)
	case r <= 0xFFFF:
		b.WriteString(`\u`)
		h := strconv.FormatInt(int64(r), 16)
		b.WriteString(strings.Repeat("0", 4-len(h)))
		b.WriteString(h)
	default:
		b.WriteRune(r) // regexp2 has no escape above the BMP; such runes are never syntax
	}
}

// writeLiteral writes r so that regexp2 matches it literally.
func writeLiteral(b *strings.Builder, r rune) { writeClassRune(b, r) }
