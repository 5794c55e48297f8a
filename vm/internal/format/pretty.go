package format

import (
	"github.com/avmtool/avm/vm/term"
)

// The pretty printer of ~p and io_lib:print, following the layout rules of
// OTP's io_lib_pretty so that the output is identical: a term that fits in
// the rest of the line is written on it; otherwise lists, tuples and maps
// put their elements on separate lines, indented under the first one, and
// tagged tuples ({atom, ...}) may indent the other elements less than the
// tag. Terms are first measured into a tree of nodes (io_lib_pretty's
// "intermediate format"), then laid out.

type nodeKind uint8

const (
	nAtomic nodeKind = iota // text written as is, never broken
	nBin                    // a binary written as byte values; may break between bytes
	nList                   // elems, tail: nil, an improper tail, or dots
	nTuple
	nMap  // elems are nPair
	nPair // k => v
	nDots // "..." where the depth ran out
)

type node struct {
	kind   nodeKind
	length int // characters when written on one line
	text   Text
	tagged bool // a tuple of two or more elements whose first is an atom
	elems  []*node
	tail   *node
	k, v   *node
	parts  []string // nBin: byte values, then bits
	bits   string

	// Where depth cut the term short: how many dots, and how to measure
	// it again deeper (io_lib_pretty's More functions).
	dots    int
	more    moreKind
	mt      term.Term
	mi      int // moreTuple, moreMap: the first element left out
	md, md0 int // the depth it was measured at; moreMap: the depth of keys and values
}

type moreKind uint8

const (
	moreNone  moreKind = iota
	moreTerm           // measure mt again at depth md+dd
	moreTuple          // measure tuple mt's elements from mi at depth md+dd
	moreMap            // measure map mt's associations from mi at depth md+dd, keys and values at md0
)

// Nodes that are always the same are shared.
var (
	dotsNode     = &node{kind: nDots, length: 3}
	nilNode      = atomicNode(Text("[]"))
	emptyTuple   = atomicNode(Text("{}"))
	emptyMap     = atomicNode(Text("#{}"))
	emptyBinary  = atomicNode(Text("<<>>"))
	cutTuple     = atomicNode(Text("{...}"))
	cutMap       = atomicNode(Text("#{...}"))
	cutBitstring = atomicNode(Text("<<...>>"))
)

// atomic is io_lib_pretty's ?ATM: the node is plain text.
func (n *node) atomic() bool { return n.kind == nAtomic }

// printer holds the options of one io_lib_pretty:print call, and the
// memory its nodes are carved from: printers are reused, so that printing
// a term allocates next to nothing.
type printer struct {
	h       *term.Heap
	unicode bool // encoding unicode: atoms and strings keep characters > 255
	strings bool // print printable lists and binaries as strings (no l modifier)

	slabs [][]node // nodes, in blocks of slabSize; slabs[cur] is being filled
	cur   int
	text  Text    // the texts of atomic nodes
	stack []*node // children of the nodes being measured
	arena []*node // children of the nodes measured
}

// What a printer keeps between uses, so that printing one huge term does
// not hold on to its memory.
const (
	slabSize = 256
	maxSlabs = 8
	maxKept  = 1 << 16 // characters of text, or children
)

// printers is a free list of printers. Unlike a sync.Pool it is not
// emptied by each garbage collection, which formatting-heavy programs
// cause often.
var printers = make(chan *printer, 8)

func getPrinter() *printer {
	select {
	case p := <-printers:
		return p
	default:
		return &printer{slabs: [][]node{make([]node, 0, slabSize)}}
	}
}

func atomicNode(t Text) *node { return &node{kind: nAtomic, text: t, length: len(t)} }

func (p *printer) newNode(k nodeKind) *node {
	slab := p.slabs[p.cur]
	if len(slab) == cap(slab) {
		p.cur++
		if p.cur == len(p.slabs) {
			p.slabs = append(p.slabs, make([]node, 0, slabSize))
		}
		slab = p.slabs[p.cur]
	}
	slab = slab[:len(slab)+1]
	p.slabs[p.cur] = slab
	n := &slab[len(slab)-1]
	*n = node{kind: k}
	return n
}

// textFrom makes an atomic node of the text appended to p.text since
// start. The node's slice is capped so that later appends cannot reach it.
func (p *printer) textFrom(start int) *node {
	n := p.newNode(nAtomic)
	n.text = p.text[start:len(p.text):len(p.text)]
	n.length = len(n.text)
	return n
}

// children moves the nodes pushed on the stack since from into a slice of
// their own.
func (p *printer) children(from int) []*node {
	k := len(p.stack) - from
	if cap(p.arena)-len(p.arena) < k {
		p.arena = make([]*node, 0, max(256, k))
	}
	start := len(p.arena)
	p.arena = append(p.arena, p.stack[from:]...)
	p.stack = p.stack[:from]
	return p.arena[start:len(p.arena):len(p.arena)]
}

// keep empties a buffer for reuse, or drops it when it has grown large.
func keep[T any](s []T) []T {
	if cap(s) > maxKept {
		return nil
	}
	return s[:0]
}

// release returns a printer to the free list, keeping its memory.
func (p *printer) release() {
	p.h = nil
	if len(p.slabs) > maxSlabs {
		p.slabs = p.slabs[:maxSlabs]
	}
	// Old nodes are overwritten when reused, not cleared: clearing
	// pointers costs write barriers while the collector runs.
	for i, slab := range p.slabs {
		p.slabs[i] = slab[:0]
	}
	p.cur = 0
	p.text = keep(p.text)
	p.arena = keep(p.arena)
	p.stack = keep(p.stack)
	select {
	case printers <- p:
	default:
	}
}

// measure is io_lib_pretty's print_length: the node of term t at depth d
// (-1: unlimited) within a budget of about T characters (-1: unlimited;
// the budget only makes depth cut terms short, it is no hard limit).
func (p *printer) measure(t term.Term, d, T int) *node {
	h := p.h
	switch {
	case t == term.Nil:
		return nilNode
	case t.IsSmall():
		start := len(p.text)
		p.text = AppendWrite(p.text, h, t, -1, false)
		return p.textFrom(start)
	case t.IsAtom():
		start := len(p.text)
		p.text = AppendAtom(p.text, term.AtomName(t), p.unicode)
		return p.textFrom(start)
	case t.IsCons():
		if p.strings && d != 1 {
			if n := p.measureString(t, T); n != nil {
				return n
			}
		}
		n := p.newNode(nList)
		from := len(p.stack)
		n.tail = p.measureListFrom(t, d, tsub(T, 2))
		n.elems = p.children(from)
		n.length, n.dots = seqLength(n, 2)
		if n.dots > 0 {
			n.more, n.mt, n.md = moreTerm, t, d
		}
		return n
	case h.IsTuple(t):
		elems := h.TupleElems(t)
		if len(elems) == 0 {
			return emptyTuple
		}
		if d == 1 {
			return p.cut(cutTuple, t)
		}
		n := p.newNode(nTuple)
		n.tagged = elems[0].IsAtom() && len(elems) > 1
		from := len(p.stack)
		n.tail = p.measureTupleFrom(t, 0, d, tsub(T, 2))
		n.elems = p.children(from)
		n.length, n.dots = seqLength(n, 2)
		return n
	case h.IsMap(t):
		if h.MapSize(t) == 0 {
			return emptyMap
		}
		if d == 1 {
			return p.cut(cutMap, t)
		}
		n := p.newNode(nMap)
		from := len(p.stack)
		n.tail = p.measureMapFrom(t, 0, d, d-1, tsub(T, 3))
		n.elems = p.children(from)
		n.length, n.dots = seqLength(n, 3)
		return n
	case h.IsBitstring(t):
		return p.measureBits(t, d, T)
	}
	start := len(p.text)
	p.text = AppendWrite(p.text, h, t, -1, false)
	return p.textFrom(start)
}

// tsub takes e from a characters budget T, keeping its sign: a negative
// budget is unlimited, and a positive one stops at 0.
func tsub(T, e int) int {
	switch {
	case T < 0:
		return T
	case T >= e:
		return T - e
	}
	return 0
}

// cut is a term depth replaced by "{...}", "#{...}" or "<<...>>": three
// dots that a deeper measure can expand.
func (p *printer) cut(shape *node, t term.Term) *node {
	n := p.newNode(nAtomic)
	n.text, n.length, n.dots = shape.text, shape.length, 3
	n.more, n.mt, n.md = moreTerm, t, 1
	return n
}

// dots ends a list, tuple or map whose depth or budget ran out.
func (p *printer) dots(more moreKind, t term.Term, i, d, d0 int) *node {
	n := p.newNode(nDots)
	n.length, n.dots = 3, 3
	n.more, n.mt, n.mi, n.md, n.md0 = more, t, i, d, d0
	return n
}

// measureString is a list as a string when it is printable: all of it, or
// with a budget the first T-2 characters and "...". It returns nil for
// other lists.
func (p *printer) measureString(t term.Term, T int) *node {
	h := p.h
	n := -1 // characters that fit: unlimited
	if T >= 0 {
		n = tsub(T, 2)
	}
	if n == 0 && p.unicode {
		return nil // string:slice/3 of nothing is "", which is not printable
	}
	l := t
	k := 0
	for ; l.IsCons() && k != n; k++ {
		hd, tl := h.HeadTail(l)
		if !hd.IsSmall() || !printableLatin1(hd.Small()) {
			return nil
		}
		l = tl
	}
	// io:printable_range() is latin1, so ~tp prints the same lists as
	// strings as ~p does.
	prefix := l != term.Nil
	if prefix && k != n {
		return nil // an improper list
	}
	start := len(p.text)
	p.text = append(p.text, '"')
	for i := 0; i < k; i++ {
		hd, tl := h.HeadTail(t)
		p.text = appendStringChar(p.text, rune(hd.Small()), '"', EscLatin1)
		t = tl
	}
	p.text = append(p.text, '"')
	if prefix {
		p.text = append(p.text, '.', '.', '.')
	}
	return p.textFrom(start)
}

// measureListFrom pushes the nodes of the elements of list t, at depth d
// with budget T, and returns the tail node: nil, an improper tail, or dots.
func (p *printer) measureListFrom(t term.Term, d, T int) *node {
	h := p.h
	for {
		switch {
		case t == term.Nil:
			return nil
		case d == 1 || T == 0:
			return p.dots(moreTerm, t, 0, d, 0)
		case !t.IsCons():
			return p.measure(t, d-1, T)
		}
		hd, tl := h.HeadTail(t)
		t1 := T
		if tl != term.Nil {
			t1 = tsub(T, 1) // the comma
		}
		e := p.measure(hd, d-1, t1)
		p.stack = append(p.stack, e)
		T = tsub(t1, e.length)
		t = tl
		d--
	}
}

// measureTupleFrom pushes the nodes of tuple t's elements from index i and
// returns the dots that end them, if any.
func (p *printer) measureTupleFrom(t term.Term, i, d, T int) *node {
	elems := p.h.TupleElems(t)
	for ; i < len(elems); i++ {
		if d == 1 || T == 0 {
			return p.dots(moreTuple, t, i, d, 0)
		}
		t1 := T
		if i < len(elems)-1 {
			t1 = tsub(T, 1)
		}
		e := p.measure(elems[i], d-1, t1)
		p.stack = append(p.stack, e)
		T = tsub(t1, e.length)
		d--
	}
	return nil
}

// measureMapFrom pushes the nodes of map t's associations from index i:
// their count is limited by depth d, their keys and values measured at
// depth d0.
func (p *printer) measureMapFrom(t term.Term, i, d, d0, T int) *node {
	keys, vals := p.h.MapKeysValues(t)
	for ; i < len(keys); i++ {
		if d == 1 || T == 0 {
			return p.dots(moreMap, t, i, d, d0)
		}
		t1 := T
		if i < len(keys)-1 {
			t1 = tsub(T, 1)
		}
		pair := p.newNode(nPair)
		pair.k = p.measure(keys[i], d0, t1)
		kl := pair.k.length + 4
		pair.v = p.measure(vals[i], d0, tsub(t1, kl))
		pair.length = kl + pair.v.length
		pair.dots = pair.k.dots + pair.v.dots
		p.stack = append(p.stack, pair)
		T = tsub(t1, pair.length)
		d--
	}
	return nil
}

// seqLength is io_lib_pretty's list_length: the brackets (open) plus the
// elements and the separators between them, and the dots in them.
func seqLength(n *node, open int) (length, dots int) {
	l := open
	for i, e := range n.elems {
		if i > 0 {
			l++
		}
		l += e.length
		dots += e.dots
	}
	if n.tail != nil {
		if len(n.elems) > 0 {
			l++
		}
		l += n.tail.length
		dots += n.tail.dots
	}
	return l, dots
}

// charsPerDepth is how many characters of a binary one level of depth
// shows (io_lib_pretty's ?CHARS).
const charsPerDepth = 4

func (p *printer) measureBits(t term.Term, d, T int) *node {
	h := p.h
	data, nbits := h.BitstringBytes(t)
	if nbits == 0 {
		return emptyBinary
	}
	if d == 1 {
		return p.cut(cutBitstring, t)
	}
	if p.strings && nbits%8 == 0 {
		if n := p.printableBin(data, d-1, tsub(T, 6)); n != nil {
			if n.dots > 0 {
				n.more, n.mt, n.md = moreTerm, t, d
			}
			return n
		}
	}
	parts, bits, cut := binParts(h, t, d, tsub(T, 4))
	start := len(p.text)
	p.text = appendBinaryParts(p.text, parts, bits)
	n := p.textFrom(start)
	n.kind, n.parts, n.bits = nBin, parts, bits
	if cut {
		n.dots, n.more, n.mt, n.md = 3, moreTerm, t, d
	}
	return n
}

// expand measures again, dd levels deeper and within budget T, the parts
// of a node that depth cut short (io_lib_pretty's expand). Nodes are not
// changed: expanding makes new ones.
func (p *printer) expand(n *node, T, dd int) *node {
	if n.dots == 0 {
		return n
	}
	switch n.more {
	case moreTerm:
		return p.measure(n.mt, n.md+dd, T)
	}
	switch n.kind {
	case nTuple, nMap:
		open := 2
		if n.kind == nMap {
			open = 3
		}
		e := p.newNode(n.kind)
		e.tagged = n.tagged
		from := len(p.stack)
		T = tsub(T, open)
		for i, c := range n.elems {
			t1 := T
			if i < len(n.elems)-1 || n.tail != nil {
				t1 = tsub(T, 1)
			}
			c = p.expand(c, t1, dd)
			p.stack = append(p.stack, c)
			T = tsub(t1, c.length)
		}
		if t := n.tail; t != nil {
			switch t.more {
			case moreTuple:
				e.tail = p.measureTupleFrom(t.mt, t.mi, t.md+dd, T)
			case moreMap:
				e.tail = p.measureMapFrom(t.mt, t.mi, t.md+dd, t.md0, T)
			}
		}
		e.elems = p.children(from)
		e.length, e.dots = seqLength(e, open)
		return e
	case nPair:
		e := p.newNode(nPair)
		e.k = p.expand(n.k, tsub(T, 1), dd)
		kl := e.k.length + 4
		e.v = p.expand(n.v, tsub(T, kl), dd)
		e.length, e.dots = kl+e.v.length, e.k.dots+e.v.dots
		return e
	}
	return n
}

// intermediate measures a term for a characters limit T > 0: from depth 1
// it doubles the depth while the text stays within T, then bisects, so
// that the text ends up about T characters long (io_lib_pretty's
// intermediate). d is the depth limit (-1: none).
func (p *printer) intermediate(t term.Term, d, T int) *node {
	n := p.measure(t, 1, T)
	if n.dots == 0 || n.length > T || d == 1 {
		return n
	}
	lower, dl, step, last := n, 1, 2, n.length
	for {
		step *= 2
		d1 := dl + step
		if d >= 0 {
			d1 = min(d1, d)
		}
		n := p.expand(lower, T, d1-dl)
		switch {
		case n.dots == 0, n.length == last:
			return n
		case n.length <= T && (d1 < d || d < 0):
			lower, dl, last = n, d1, n.length
			continue
		}
		return p.searchDepth(lower, n, T, dl, d1)
	}
}

// searchDepth bisects the depths between lower (within T) and upper
// (beyond it).
func (p *printer) searchDepth(lower, upper *node, T, dl, du int) *node {
	for du-dl != 1 {
		d1 := (dl + du) / 2
		n := p.expand(lower, T, d1-dl)
		if n.length > T {
			upper, du = n, d1
		} else {
			lower, dl = n, d1
		}
	}
	if lower.length == T {
		return lower
	}
	return upper
}

// printableBin returns the string form of a binary (io_lib_pretty's
// printable_bin0), or nil when it is printed as bytes. d is the depth
// left (-1: unlimited) and T the characters budget (-1: unlimited): a
// limited depth shows a printable prefix of charsPerDepth*d characters.
func (p *printer) printableBin(b []byte, d, T int) *node {
	n := len(b)
	if d >= 0 {
		n = min(charsPerDepth*d, n)
	}
	if T >= 0 {
		n = min(T, n)
	}
	if n == 0 {
		return nil
	}
	if p.unicode {
		if rs, ok := utf8Prefix(b, n); ok {
			// Characters above 255 are not printable: io:printable_range()
			// is latin1.
			k := 0
			for k < len(rs.chars) && printableLatin1(int64(rs.chars[k])) {
				k++
			}
			if k == len(rs.chars) && rs.bytes == len(b) {
				return stringBin(rs.chars, len(b) == len(rs.chars), false)
			}
			if d > 0 && k >= d {
				// A prefix ends where the last character checked ends.
				consumed := encodedLen(rs.chars[:k])
				return stringBin(rs.chars[:k], consumed == k, true)
			}
			return nil
		}
	}
	// latin1: every byte is a character. OTP checks the first 20
	// characters, then the rest; a prefix of up to 20 needs no depth.
	k := 0
	for k < n && printableLatin1(int64(b[k])) {
		k++
	}
	switch {
	case k == n && n == len(b):
		return stringBin([]rune(string(bytesText(b))), true, false)
	case k == n && n <= 20, d > 0 && k >= d:
		return stringBin([]rune(string(bytesText(b[:k]))), true, true)
	}
	return nil
}

// runesPrefix is the start of a binary decoded as UTF-8.
type runesPrefix struct {
	chars []rune
	bytes int // bytes the characters take
}

// utf8Prefix decodes up to n characters of b, reporting false when they
// are not valid UTF-8 (the binary is then treated as Latin-1).
func utf8Prefix(b []byte, n int) (runesPrefix, bool) {
	var r runesPrefix
	for len(r.chars) < n && r.bytes < len(b) {
		c, size := decodeRune(b[r.bytes:])
		if size == 0 {
			return r, false
		}
		r.chars = append(r.chars, c)
		r.bytes += size
	}
	return r, true
}

func encodedLen(rs []rune) int {
	n := 0
	for _, c := range rs {
		n += len(string(c))
	}
	return n
}

// stringBin is <<"...">>, with /utf8 when the characters are not one byte
// each, and "..." when prefix is set.
func stringBin(rs []rune, bytewise, prefix bool) *node {
	t := Text("<<")
	t = AppendQuoted(t, rs, '"', EscUnicode)
	if !bytewise {
		t = append(t, Text("/utf8")...)
	}
	if prefix {
		t = append(t, '.', '.', '.')
	}
	t = append(t, '>', '>')
	n := atomicNode(t)
	if prefix {
		n.dots = 3
	}
	return n
}

// write puts a node on one line.
func (n *node) write(dst Text) Text {
	switch n.kind {
	case nAtomic, nBin:
		return append(dst, n.text...)
	case nDots:
		return append(dst, '.', '.', '.')
	case nPair:
		dst = n.k.write(dst)
		dst = append(dst, ' ', '=', '>', ' ')
		return n.v.write(dst)
	case nList:
		dst = append(dst, '[')
		dst = n.writeElems(dst, '|')
		return append(dst, ']')
	case nTuple:
		dst = append(dst, '{')
		dst = n.writeElems(dst, ',')
		return append(dst, '}')
	case nMap:
		dst = append(dst, '#', '{')
		dst = n.writeElems(dst, ',')
		return append(dst, '}')
	}
	return dst
}

func (n *node) writeElems(dst Text, tailSep rune) Text {
	for i, e := range n.elems {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = e.write(dst)
	}
	if n.tail != nil {
		if len(n.elems) > 0 {
			if n.tail.kind == nDots && n.kind != nList {
				dst = append(dst, ',')
			} else {
				dst = append(dst, tailSep)
			}
		}
		dst = n.tail.write(dst)
	}
	return dst
}

// Print lays out term t as io_lib_pretty:print/2 does with the options
// column col, line_length ll, depth d (-1: none), chars_limit limit (-1:
// none), encoding and strings (records are not known).
func Print(dst Text, h *term.Heap, t term.Term, col, ll, d, limit int, unicode, strings bool) Text {
	if d == 0 || limit == 0 {
		return append(dst, '.', '.', '.')
	}
	if col <= 0 {
		col = 1
	}
	if t.IsAtom() {
		return AppendAtom(dst, term.AtomName(t), unicode)
	}
	if !(t.IsList() || h.IsTuple(t) || h.IsMap(t) || h.IsBitstring(t)) {
		return AppendWrite(dst, h, t, -1, false)
	}
	p := getPrinter()
	defer p.release()
	p.h, p.unicode, p.strings = h, unicode, strings
	var n *node
	if limit < 0 {
		n = p.measure(t, d, -1)
	} else {
		n = p.intermediate(t, d, limit)
	}
	m := n.length // no line_max_chars: the whole length
	if ll == 0 || n.length < ll-col && n.length <= m {
		return n.write(dst)
	}
	l := layout{ll: ll, m: m}
	tind := 1
	for _, try := range []int{-1, 4} {
		if l.cind(n, col, try, 0, 0) {
			tind = try
			break
		}
	}
	l.tind = tind
	return l.pp(dst, n, col, col-1, 0, 0)
}

// WriteLimited is io_lib:write/2 with a chars_limit limit > 0: the term
// on one line, cut at a depth (at most d, -1: none) that keeps it about
// limit characters long. Lists and binaries are not shown as strings.
func WriteLimited(dst Text, h *term.Heap, t term.Term, d, limit int, unicode bool) Text {
	p := getPrinter()
	defer p.release()
	p.h, p.unicode, p.strings = h, unicode, false
	return p.intermediate(t, d, limit).write(dst)
}

// layout holds the line length, the maximum characters per line (m) and
// the indentation chosen for tagged tuples (tind).
type layout struct {
	ll, m, tind int
}

func appendSpaces(dst Text, n int) Text {
	for ; n > 0; n-- {
		dst = append(dst, ' ')
	}
	return dst
}

func newline(dst Text, ind int) Text {
	dst = append(dst, '\n')
	return appendSpaces(dst, ind)
}

// fits: the node, written on one line from column col with ld closing
// characters after it and w characters already on the line, fits.
func (l *layout) fits(n *node, col, ld, w int) bool {
	return n.length < l.ll-col-ld && n.length+w+ld <= l.m
}

// lastDepth is io_lib_pretty's last_depth: the closing characters that
// follow element i: none when more elements follow.
func lastDepth(n *node, i, ld int) int {
	if i+1 < len(n.elems) {
		return 0
	}
	return ld + 1
}

// fitsInTail: element e, with its comma, fits after the column col.
func (l *layout) fitsInTail(e *node, col, w, ld1 int) bool {
	elen := 1 + e.length
	if ld1 == 0 {
		return elen+1 < l.ll-col && w+elen+1 <= l.m
	}
	return elen < l.ll-col-ld1 && w+elen+ld1 <= l.m
}

func (l *layout) pp(dst Text, n *node, col, ind, ld, w int) Text {
	if l.fits(n, col, ld, w) {
		return n.write(dst)
	}
	switch n.kind {
	case nList:
		dst = append(dst, '[')
		dst = l.ppList(dst, n, col+1, ind+1, ld, '|', w+1)
		return append(dst, ']')
	case nTuple:
		dst = append(dst, '{')
		if n.tagged {
			dst = l.ppTagTuple(dst, n, col, ind, ld, w+1)
		} else {
			dst = l.ppList(dst, n, col+1, ind+1, ld, ',', w+1)
		}
		return append(dst, '}')
	case nMap:
		dst = append(dst, '#', '{')
		dst = l.ppMap(dst, n, col+2, ind+2, ld, w+1)
		return append(dst, '}')
	case nBin:
		return l.ppBinary(dst, n, col+2, ind+2, ld, w)
	}
	return n.write(dst)
}

func (l *layout) ppTagTuple(dst Text, n *node, col, ind, ld, w int) Text {
	tag := n.elems[0]
	tagInd := tag.length + 2
	tcol := col + tagInd
	dst = tag.write(dst)
	if l.tind > 0 && tagInd > l.tind {
		return l.ppTail(dst, n, 1, col+l.tind, tcol, ind+l.tind, ld, ',', w+tag.length)
	}
	dst = append(dst, ',')
	return l.ppListFrom(dst, n, 1, tcol, ind+tagInd, ld, ',', w+tag.length+1)
}

func (l *layout) ppMap(dst Text, n *node, col, ind, ld, w int) Text {
	if len(n.elems) == 0 {
		return append(dst, '.', '.', '.')
	}
	ps, pw := l.ppPair(dst, n.elems[0], col, ind, lastDepth(n, 0, ld), w)
	dst = ps
	return l.ppPairsTail(dst, n, 1, col, col+pw, ind, ld, pw)
}

func (l *layout) ppPairsTail(dst Text, n *node, i, col0, col, ind, ld, w int) Text {
	for ; i < len(n.elems); i++ {
		p := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if p.k.atomic() && p.v.atomic() && l.fitsInTail(p, col, w, ld1) {
			dst = append(dst, ',')
			dst = p.write(dst)
			col += 1 + p.length
			w += 1 + p.length
			continue
		}
		dst = append(dst, ',')
		dst = newline(dst, ind)
		var pw int
		dst, pw = l.ppPair(dst, p, col0, ind, ld1, 0)
		col, w = col0+pw, pw
	}
	if n.tail != nil {
		dst = append(dst, ',', '.', '.', '.')
	}
	return dst
}

func (l *layout) ppPair(dst Text, p *node, col, ind, ld, w int) (Text, int) {
	if l.fits(p, col, ld, w) {
		dst = p.write(dst)
		if p.k.atomic() && p.v.atomic() {
			return dst, p.length
		}
		return dst, l.ll // force a new line after it
	}
	i := mapValueIndent(l.tind)
	dst = l.pp(dst, p.k, col, ind, ld, w)
	dst = append(dst, ' ', '=', '>')
	dst = newline(dst, ind+i)
	dst = l.pp(dst, p.v, col+i, ind+i, ld, 0)
	return dst, l.ll
}

func mapValueIndent(tind int) int {
	if tind > 0 {
		return tind
	}
	return 4
}

func (l *layout) ppList(dst Text, n *node, col0, ind, ld int, sep rune, w int) Text {
	return l.ppListFrom(dst, n, 0, col0, ind, ld, sep, w)
}

// ppListFrom lays out the elements of n from index i on, the first on the
// current line.
func (l *layout) ppListFrom(dst Text, n *node, i, col0, ind, ld int, sep rune, w int) Text {
	if i >= len(n.elems) {
		// Only dots are left (an element list that is just "...").
		return append(dst, '.', '.', '.')
	}
	var we int
	dst, we = l.ppElement(dst, n.elems[i], col0, ind, lastDepth(n, i, ld), w)
	return l.ppTail(dst, n, i+1, col0, col0+we, ind, ld, sep, w+we)
}

func (l *layout) ppTail(dst Text, n *node, i, col0, col, ind, ld int, sep rune, w int) Text {
	for ; i < len(n.elems); i++ {
		e := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if e.atomic() && l.fitsInTail(e, col, w, ld1) {
			dst = append(dst, ',')
			dst = e.write(dst)
			col += 1 + e.length
			w += 1 + e.length
			continue
		}
		dst = append(dst, ',')
		dst = newline(dst, ind)
		var we int
		dst, we = l.ppElement(dst, e, col0, ind, ld1, 0)
		col, w = col0+we, we
	}
	t := n.tail
	switch {
	case t == nil:
		return dst
	case t.kind == nDots:
		if n.kind == nList {
			return append(dst, sep, '.', '.', '.')
		}
		return append(dst, ',', '.', '.', '.')
	case t.atomic() && t.length+1 < l.ll-col-(ld+1) && t.length+1+w+(ld+1) <= l.m:
		dst = append(dst, sep)
		return t.write(dst)
	}
	dst = append(dst, sep)
	dst = newline(dst, ind)
	return l.pp(dst, t, col0, ind, ld+1, 0)
}

func (l *layout) ppElement(dst Text, e *node, col, ind, ld, w int) (Text, int) {
	if e.atomic() && l.fits(e, col, ld, w) {
		return e.write(dst), e.length
	}
	return l.pp(dst, e, col, ind, ld, w), l.ll
}

// ppBinary breaks a binary written as bytes between bytes.
func (l *layout) ppBinary(dst Text, n *node, col, ind, ld, w int) Text {
	width := min(l.ll-col, l.m-4-w) - ld
	width = max(8, width)
	dst = append(dst, '<', '<')
	left := width
	items := n.parts
	for i, s := range items {
		last := i == len(items)-1 && n.bits == ""
		if last {
			if len(s) > left {
				dst = newline(dst, ind)
			}
			dst = appendString(dst, s)
			break
		}
		size := len(s) + 1
		if left-size < 0 {
			dst = newline(dst, ind)
			dst = appendString(dst, s)
			dst = append(dst, ',')
			left = width - size
		} else {
			dst = appendString(dst, s)
			dst = append(dst, ',')
			left -= size
		}
	}
	if n.bits != "" {
		if len(n.bits) > left {
			dst = newline(dst, ind)
		}
		dst = appendString(dst, n.bits)
	}
	return append(dst, '>', '>')
}

// cind checks that the layout with tagged-tuple indentation tind keeps
// within the line (io_lib_pretty's cind); false is its no_good.
func (l *layout) cind(n *node, col, tind, ld, w int) bool {
	if n.length < l.ll-col-ld && n.length+w+ld <= l.m {
		return true
	}
	switch n.kind {
	case nList:
		return l.cindList(n, 0, col+1, tind, ld, w+1)
	case nTuple:
		if n.tagged {
			return l.cindTagTuple(n, col, tind, ld, w+1)
		}
		return l.cindList(n, 0, col+1, tind, ld, w+1)
	case nMap:
		return l.cindMap(n, col+2, tind, ld, w+2)
	}
	return true
}

func (l *layout) cindTagTuple(n *node, col, tind, ld, w int) bool {
	tag := n.elems[0]
	tagInd := tag.length + 2
	tcol := col + tagInd
	if tind > 0 && tagInd > tind {
		col1 := col + tind
		if l.m+col1 <= l.ll || col1 <= l.ll/2 {
			return l.cindTail(n, 1, col1, tcol, tind, ld, w+tag.length)
		}
		return false
	}
	if l.m+tcol < l.ll || tcol < l.ll/2 {
		return l.cindList(n, 1, tcol, tind, ld, w+tag.length+1)
	}
	return false
}

func (l *layout) cindMap(n *node, col, tind, ld, w int) bool {
	if len(n.elems) == 0 {
		return true
	}
	pw, ok := l.cindPair(n.elems[0], col, tind, lastDepth(n, 0, ld), w)
	if !ok {
		return false
	}
	col0, c, w := col, col+pw, w+pw
	for i := 1; i < len(n.elems); i++ {
		p := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if p.k.atomic() && p.v.atomic() && l.fitsInTail(p, c, w, ld1) {
			c += 1 + p.length
			w += 1 + p.length
			continue
		}
		pw, ok := l.cindPair(p, col0, tind, ld1, 0)
		if !ok {
			return false
		}
		c, w = col0+pw, pw
	}
	return true
}

func (l *layout) cindPair(p *node, col, tind, ld, w int) (int, bool) {
	if l.fits(p, col, ld, w) {
		if p.k.atomic() && p.v.atomic() {
			return p.length, true
		}
		return l.ll, true
	}
	if !l.cind(p.k, col, tind, ld, w) {
		return 0, false
	}
	return l.ll, l.cind(p.v, col+mapValueIndent(tind), tind, ld, 0)
}

func (l *layout) cindList(n *node, i, col0, tind, ld, w int) bool {
	if i >= len(n.elems) {
		return true
	}
	we, ok := l.cindElement(n.elems[i], col0, tind, lastDepth(n, i, ld), w)
	if !ok {
		return false
	}
	return l.cindTail(n, i+1, col0, col0+we, tind, ld, w+we)
}

func (l *layout) cindTail(n *node, i, col0, col, tind, ld, w int) bool {
	for ; i < len(n.elems); i++ {
		e := n.elems[i]
		ld1 := lastDepth(n, i, ld)
		if e.atomic() && l.fitsInTail(e, col, w, ld1) {
			col += 1 + e.length
			w += 1 + e.length
			continue
		}
		we, ok := l.cindElement(e, col0, tind, ld1, 0)
		if !ok {
			return false
		}
		col, w = col0+we, we
	}
	t := n.tail
	if t == nil || t.kind == nDots {
		return true
	}
	if t.atomic() && t.length+1 < l.ll-col-(ld+1) && t.length+1+w+(ld+1) <= l.m {
		return true
	}
	return l.cind(t, col, tind, ld+1, 0)
}

func (l *layout) cindElement(e *node, col, tind, ld, w int) (int, bool) {
	if e.atomic() && l.fits(e, col, ld, w) {
		return e.length, true
	}
	return l.ll, l.cind(e, col, tind, ld, w)
}
