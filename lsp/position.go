package lsp

import (
	"sort"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// lines maps between byte offsets in a text and LSP positions, whose
// character counts UTF-16 code units unless UTF-8 was negotiated.
type lines struct {
	text   string
	starts []int // byte offset of each line
	utf8   bool
}

func newLines(text string, utf8Positions bool) *lines {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lines{text: text, starts: starts, utf8: utf8Positions}
}

// offset returns the byte offset of p, clamped to the text: a line past the
// end maps to the end, a character past the line's end to the line's end.
func (l *lines) offset(p protocol.Position) int {
	if int(p.Line) >= len(l.starts) {
		return len(l.text)
	}
	start := l.starts[p.Line]
	end := len(l.text)
	if int(p.Line)+1 < len(l.starts) {
		end = l.starts[p.Line+1] - 1 // the newline
	}
	if l.utf8 {
		return min(start+int(p.Character), end)
	}
	units := int(p.Character)
	i := start
	for i < end && units > 0 {
		r, n := utf8.DecodeRuneInString(l.text[i:end])
		if r >= 0x10000 {
			units -= 2
		} else {
			units--
		}
		if units < 0 {
			break // inside a surrogate pair: stay before the character
		}
		i += n
	}
	return i
}

// position returns the position of byte offset off.
func (l *lines) position(off int) protocol.Position {
	off = max(0, min(off, len(l.text)))
	line := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	start := l.starts[line]
	if l.utf8 {
		return protocol.Position{Line: uint32(line), Character: uint32(off - start)}
	}
	units := 0
	for _, r := range l.text[start:off] {
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
	}
	return protocol.Position{Line: uint32(line), Character: uint32(units)}
}

func (l *lines) rangeOf(pos, end int) protocol.Range {
	return protocol.Range{Start: l.position(pos), End: l.position(end)}
}
