package vm

import (
	"github.com/avmtool/avm/vm/term"
)

// re:replace/3,4 and re:split/2,3, which OTP writes in Erlang over
// re:run; their results keep the shapes OTP's produce (iodata with
// improper tails, trailing empty parts, …), since programs print them.

// reReturn is the {return, Type} of replace and split.
type reReturn uint8

const (
	retIodata reReturn = iota
	retBinary
	retList
)

func parseReturn(h *term.Heap, t term.Term) (reReturn, bool) {
	if !h.IsTaggedTuple(t, 2, atomReturn) {
		return 0, false
	}
	switch h.TupleElems(t)[1] {
	case atomIodata:
		return retIodata, true
	case atomBinaryAtom:
		return retBinary, true
	case atomListAtom:
		return retList, true
	}
	return 0, false
}

// reUnicodeOf is whether replace and split treat their data as Unicode:
// the MP's flag, or the unicode option with a pattern source.
func reUnicodeOf(h *term.Heap, re term.Term, opts []term.Term) bool {
	if isMP(h, re) {
		return h.TupleElems(re)[2] == term.MakeSmall(1)
	}
	for _, o := range opts {
		if o == term.AtomUnicode {
			return true
		}
	}
	return false
}

// isReportOption is an option replace and split refuse: they choose the
// captures and raise on errors themselves.
func isReportOption(h *term.Heap, o term.Term) bool {
	return o == atomReportErrors || h.IsTaggedTuple(o, 2, atomCapture) || h.IsTaggedTuple(o, 3, atomCapture)
}

// reMatches runs a pattern for replace and split: the byte spans of each
// match, nil for nomatch; ok is false for badarg (bad options or
// pattern, compile errors).
func reMatches(p *Process, flat []byte, re term.Term, opts []term.Term, unicode bool) (job *reJob, matches [][]reSpan, ok bool) {
	h := p.heap
	o, ok := parseRunOptionList(h, opts)
	if !ok {
		return nil, nil, false
	}
	if unicode && !isMP(h, re) {
		o.compile |= reUnicode
	}
	job, cerr, ok := prepareRun(p, h.MakeBinary(flat), re, o)
	if !ok || cerr != nil {
		return nil, nil, false
	}
	matches, err := job.m.matchAll(&job.opts, job.start)
	if err == errReMatchLimit {
		return job, nil, true // OTP's run gives nomatch
	}
	if err != nil {
		return nil, nil, false
	}
	return job, matches, true
}

// replPart is a piece of a replacement: literal bytes, or a group.
type replPart struct {
	lit   []byte
	group int // when lit is nil
}

// parseReplacement reads & (the match), \N, \gN and \g{N} (group N), and
// \X for any other X (X itself), as OTP does.
func parseReplacement(r []byte) ([]replPart, bool) {
	var parts []replPart
	addLit := func(c ...byte) {
		if n := len(parts); n > 0 && parts[n-1].lit != nil {
			parts[n-1].lit = append(parts[n-1].lit, c...)
			return
		}
		parts = append(parts, replPart{lit: append([]byte{}, c...)})
	}
	digits := func(i int) (int, int, bool) {
		j := i
		for j < len(r) && r[j] >= '0' && r[j] <= '9' {
			j++
		}
		if j == i {
			return 0, i, false
		}
		n := 0
		for _, c := range r[i:j] {
			n = n*10 + int(c-'0')
			if n > 1<<30 {
				return 0, j, false
			}
		}
		return n, j, true
	}
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case c == '&':
			parts = append(parts, replPart{group: 0})
			i++
		case c == '\\' && i+2 < len(r) && r[i+1] == 'g' && r[i+2] == '{' && i+3 < len(r):
			n, j, ok := digits(i + 3)
			if !ok || j >= len(r) || r[j] != '}' {
				return nil, false
			}
			parts = append(parts, replPart{group: n})
			i = j + 1
		case c == '\\' && i+2 < len(r) && r[i+1] == 'g':
			n, j, ok := digits(i + 2)
			if !ok {
				return nil, false
			}
			parts = append(parts, replPart{group: n})
			i = j
		case c == '\\' && i+1 < len(r) && (r[i+1] < '1' || r[i+1] > '9'):
			addLit(r[i+1])
			i += 2
		case c == '\\' && i+1 < len(r):
			n, j, ok := digits(i + 1)
			if !ok {
				return nil, false
			}
			parts = append(parts, replPart{group: n})
			i = j
		default:
			addLit(c)
			i++
		}
	}
	return parts, true
}

func reReplace(p *Process, args []term.Term) term.Term {
	h := p.heap
	subject, re, repl := args[0], args[1], args[2]
	ret := retIodata
	var opts []term.Term
	if len(args) == 4 {
		all, ok := h.ListToSlice(args[3])
		if !ok {
			return p.Badarg()
		}
		for _, o := range all {
			if r, ok := parseReturn(h, o); ok {
				ret = r
				continue
			}
			if h.IsTaggedTuple(o, 2, atomReturn) || isReportOption(h, o) {
				return p.Badarg()
			}
			opts = append(opts, o)
		}
	}
	unicode := reUnicodeOf(h, re, opts)
	flat, ok := reText(h, subject, unicode)
	if !ok {
		return p.Badarg()
	}
	replBytes, ok := reText(h, repl, unicode)
	if !ok {
		return p.Badarg()
	}
	_, matches, ok := reMatches(p, flat, re, opts, unicode)
	if !ok {
		return p.Badarg()
	}
	parts, ok := parseReplacement(replBytes)
	if !ok {
		return p.Badarg()
	}
	if len(matches) == 0 {
		if ret == retIodata {
			return subject
		}
		return reConvertFlat(h, flat, ret, unicode)
	}
	var elems []term.Term
	var out []byte // the result's bytes, for the binary and list returns
	pos := 0
	for _, spans := range matches {
		m := spans[0]
		if m.start > pos {
			elems = append(elems, h.MakeBinary(flat[pos:m.start]))
			out = append(out, flat[pos:m.start]...)
		}
		if len(parts) == 1 && parts[0].lit != nil {
			elems = append(elems, h.MakeBinary(parts[0].lit))
			out = append(out, parts[0].lit...)
		} else {
			pieces := make([]term.Term, len(parts))
			for i, part := range parts {
				var b []byte
				switch {
				case part.lit != nil:
					b = part.lit
				case part.group < len(spans) && spans[part.group].start >= 0:
					s := spans[part.group]
					b = flat[s.start : s.start+s.length]
				}
				pieces[i] = h.MakeBinary(b)
				out = append(out, b...)
			}
			elems = append(elems, h.List(pieces...))
		}
		pos = m.start + m.length
	}
	out = append(out, flat[pos:]...)
	if ret != retIodata {
		return reConvertFlat(h, out, ret, unicode)
	}
	tail := term.Nil
	if pos < len(flat) {
		tail = h.MakeBinary(flat[pos:])
	}
	return h.ListTail(elems, tail)
}

// reConvertFlat returns bytes as a binary or as a list (of characters in
// unicode mode).
func reConvertFlat(h *term.Heap, b []byte, ret reReturn, unicode bool) term.Term {
	switch {
	case ret == retList && unicode:
		return charList(h, string(b))
	case ret == retList:
		return byteList(h, b, term.Nil)
	}
	return h.MakeBinary(b)
}

func reSplit(p *Process, args []term.Term) term.Term {
	h := p.heap
	subject, re := args[0], args[1]
	ret := retIodata
	limit, trim, group := -1, false, false
	var opts []term.Term
	if len(args) == 3 {
		all, ok := h.ListToSlice(args[2])
		if !ok {
			return p.Badarg()
		}
		for _, o := range all {
			switch {
			case o == atomTrim:
				limit, trim = -1, true
			case o == atomGroup:
				group = true
			case o == atomGlobal || isReportOption(h, o):
				return p.Badarg()
			case h.IsTaggedTuple(o, 2, atomParts):
				n := h.TupleElems(o)[1]
				switch {
				case n == term.MakeSmall(0):
					limit, trim = -1, true
				case n == atomInfinity:
					limit, trim = -1, false
				case n.IsSmall() && n.Small() > 0:
					limit, trim = int(n.Small())-1, false
				default:
					return p.Badarg()
				}
			case h.IsTaggedTuple(o, 2, atomReturn):
				r, ok := parseReturn(h, o)
				if !ok {
					return p.Badarg()
				}
				ret = r
			default:
				opts = append(opts, o)
			}
		}
	}
	unicode := reUnicodeOf(h, re, opts)
	flat, ok := reText(h, subject, unicode)
	if !ok {
		return p.Badarg()
	}
	opts = append(opts, atomGlobal)
	job, matches, ok := reMatches(p, flat, re, opts, unicode)
	if !ok {
		return p.Badarg()
	}
	var parts [][][]byte // groups of parts
	if len(matches) == 0 {
		parts = [][][]byte{{flat}}
	} else {
		parts = splitParts(flat, matches, job.m.prog.tr.groups, limit)
	}
	if trim {
		parts = trimParts(parts, group)
	}
	conv := func(b []byte) term.Term {
		if ret == retList {
			return reConvertFlat(h, b, retList, unicode)
		}
		return h.MakeBinary(b)
	}
	var out []term.Term
	for _, g := range parts {
		if group {
			items := make([]term.Term, len(g))
			for i, b := range g {
				items[i] = conv(b)
			}
			out = append(out, h.List(items...))
			continue
		}
		for _, b := range g {
			out = append(out, conv(b))
		}
	}
	return h.List(out...)
}

// splitParts cuts the subject at the matches: each group of parts is the
// text before a match followed by the match's groups; limit (≥ 0) caps
// the number of cuts. An empty match at the cut point that captures
// nothing does not cut.
func splitParts(flat []byte, matches [][]reSpan, groups, limit int) [][][]byte {
	var out [][][]byte
	off := 0
	for _, spans := range matches {
		if limit == 0 {
			break
		}
		if off >= len(flat) {
			return append(out, [][]byte{{}})
		}
		m := spans[0]
		emptySubs := true
		for _, s := range spans[1:] {
			emptySubs = emptySubs && s.length == 0
		}
		if m.start == off && m.length == 0 && emptySubs {
			continue
		}
		g := [][]byte{flat[off:m.start]}
		for k := 1; k <= groups; k++ {
			if k < len(spans) && spans[k].start >= 0 {
				g = append(g, flat[spans[k].start:spans[k].start+spans[k].length])
			} else {
				g = append(g, []byte{})
			}
		}
		out = append(out, g)
		off = m.start + m.length
		limit--
	}
	if off >= len(flat) && limit != 0 {
		return append(out, [][]byte{{}})
	}
	return append(out, [][]byte{flat[off:]})
}

// trimParts drops trailing empty parts (whole groups of them with group).
func trimParts(parts [][][]byte, group bool) [][][]byte {
	allEmpty := func(g [][]byte) bool {
		for _, b := range g {
			if len(b) > 0 {
				return false
			}
		}
		return true
	}
	if group {
		for len(parts) > 0 && allEmpty(parts[len(parts)-1]) {
			parts = parts[:len(parts)-1]
		}
		return parts
	}
	// Without group the parts form one flat list.
	var flat [][]byte
	for _, g := range parts {
		flat = append(flat, g...)
	}
	for len(flat) > 0 && len(flat[len(flat)-1]) == 0 {
		flat = flat[:len(flat)-1]
	}
	if len(flat) == 0 {
		return nil
	}
	return [][][]byte{flat}
}
