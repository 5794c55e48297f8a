package vm

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Translation of PCRE patterns (the dialect of OTP 25's re module, PCRE
// 8.44) into the .NET-style dialect of github.com/dlclark/regexp2. Both are
// backtracking engines with lookaround, atomic groups, backreferences and
// conditionals; the translator resolves what differs:
//   - capture groups are numbered left to right (.NET numbers named groups
//     last), so every group is emitted with its PCRE number, (?<3>…);
//   - ^ $ . \Z \R and \N are spelled out for the newline convention and
//     the multiline, dotall, dollar_endonly, notbol and noteol options;
//   - \w \d \s \b, POSIX classes and \p{…} become explicit ranges with
//     OTP's Latin-1 tables (or Unicode properties under ucp);
//   - extended mode, ungreedy, \Q…\E, possessive quantifiers, \x{…},
//     \o{…}, \g and \k references, (?|…), (?P…) and \K are rewritten.
// Subroutine calls ((?1), (?&name), \g<1>) are inlined. Recursion,
// callouts, \C and backtracking verbs other than (*FAIL) have no regexp2
// counterpart: they are compile errors naming the construct.

// reFlags are the options that shape a translated pattern.
type reFlags uint32

const (
	reCaseless reFlags = 1 << iota
	reMultiline
	reDotall
	reExtended
	reAnchored
	reDollarEndonly
	reUngreedy
	reNoAutoCapture
	reDupnames
	reUnicode
	reUCP
	reFirstline
	reBSRAnyCRLF
	reNoStartOptimize
	reNeverUTF
	// Run-time options that change the translation.
	reNotBOL
	reNotEOL
	reNotEmptyAnchored // the match starts at the offset and is not empty
)

// The newline convention occupies bits 24-26.
type reNewline uint8

const (
	nlLF reNewline = iota
	nlCR
	nlCRLF
	nlAnyCRLF
	nlAny
)

const reNewlineShift = 24

func (f reFlags) newline() reNewline { return reNewline(f >> reNewlineShift & 7) }
func (f reFlags) withNewline(nl reNewline) reFlags {
	return f&^(7<<reNewlineShift) | reFlags(nl)<<reNewlineShift
}

// usesCRLF is the re_pattern tuple's UseCRLF: a newline can be \r\n.
func (f reFlags) usesCRLF() bool {
	nl := f.newline()
	return nl == nlCRLF || nl == nlAnyCRLF || nl == nlAny
}

// reSyntaxError is a compile error as OTP reports it: PCRE's message and
// the byte offset in the pattern.
type reSyntaxError struct {
	msg string
	pos int
}

func (e *reSyntaxError) Error() string { return fmt.Sprintf("%s at offset %d", e.msg, e.pos) }

type reGroupName struct {
	name string
	num  int
}

// reTranslation is a pattern in regexp2's dialect and what run needs.
type reTranslation struct {
	expr      string
	groups    int           // capture groups, as PCRE counts them
	keepGroup int           // the hidden group that records \K, or 0
	names     []reGroupName // sorted by name, as PCRE's name table
	flags     reFlags       // after (*VERB) settings at the pattern start
}

// leadingVerbs applies the option-setting (*VERB)s at the start of a
// pattern and returns how many bytes they take.
func leadingVerbs(src []byte, f reFlags) (reFlags, int) {
	n := 0
	for strings.HasPrefix(string(src[n:]), "(*") {
		end := strings.IndexByte(string(src[n:]), ')')
		if end < 0 {
			break
		}
		verb := string(src[n+2 : n+end])
		switch {
		case verb == "UTF8" || verb == "UTF":
			f |= reUnicode
		case verb == "UCP":
			f |= reUCP
		case verb == "CR":
			f = f.withNewline(nlCR)
		case verb == "LF":
			f = f.withNewline(nlLF)
		case verb == "CRLF":
			f = f.withNewline(nlCRLF)
		case verb == "ANYCRLF":
			f = f.withNewline(nlAnyCRLF)
		case verb == "ANY":
			f = f.withNewline(nlAny)
		case verb == "BSR_ANYCRLF":
			f |= reBSRAnyCRLF
		case verb == "BSR_UNICODE":
			f &^= reBSRAnyCRLF
		case verb == "NO_START_OPT" || verb == "NO_AUTO_POSSESS",
			strings.HasPrefix(verb, "LIMIT_MATCH="), strings.HasPrefix(verb, "LIMIT_RECURSION="):
		default:
			return f, n
		}
		n += end + 1
	}
	return f, n
}

// translatePCRE translates a pattern (UTF-8 when f has reUnicode, else
// Latin-1 bytes).
func translatePCRE(src []byte, f reFlags) (tr *reTranslation, err *reSyntaxError) {
	f, base := leadingVerbs(src, f)
	if f&reUnicode != 0 && f&reNeverUTF != 0 {
		return nil, &reSyntaxError{"using UTF-8 strings when UTF-8 support is disabled", 0}
	}
	p := &reParser{base: base, total: -1, names: map[string][]int{}, defs: map[int]reGroupDef{}}
	body := src[base:]
	if f&reUnicode != 0 {
		for i := 0; i < len(body); {
			r, n := utf8.DecodeRune(body[i:])
			if r == utf8.RuneError && n <= 1 {
				return nil, &reSyntaxError{"invalid UTF-8 string", base + i}
			}
			p.src = append(p.src, r)
			p.pos = append(p.pos, base+i)
			i += n
		}
	} else {
		for i, c := range body {
			p.src = append(p.src, rune(c))
			p.pos = append(p.pos, base+i)
		}
	}
	p.pos = append(p.pos, len(src))
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*reSyntaxError)
			if !ok {
				panic(r)
			}
			tr, err = nil, e
		}
	}()
	// Pass 1 numbers the groups and collects the names, so that pass 2 can
	// resolve references to groups defined later in the pattern.
	p.run(f)
	total, names := p.groups, p.names
	p.total, p.names = total, names
	p.run(f)
	if p.maxRef > total {
		p.fail("reference to non-existent subpattern", len(src))
	}
	tr = &reTranslation{groups: total, flags: f}
	for name, nums := range names {
		tr.names = append(tr.names, reGroupName{name, nums[0]})
	}
	sort.Slice(tr.names, func(i, j int) bool { return tr.names[i].name < tr.names[j].name })
	var b strings.Builder
	if f&reCaseless != 0 {
		b.WriteString("(?i)")
	}
	if f&(reAnchored|reNotEmptyAnchored) != 0 {
		b.WriteString(`\G`)
	}
	b.WriteString("(?:")
	b.WriteString(p.out.String())
	b.WriteString(")")
	if f&reNotEmptyAnchored != 0 {
		b.WriteString(`(?!\G)`)
	}
	tr.expr = b.String()
	tr.keepGroup = p.keepGroup
	return tr, nil
}

// reGroupDef is where a group's pattern starts, for subroutine calls.
type reGroupDef struct {
	start int
	fl    reFlags
}

type reParser struct {
	src   []rune
	pos   []int // byte offset of each rune in the pattern, and of its end
	base  int
	i     int
	out   strings.Builder
	fl    reFlags // the options in force where the parser is
	quote bool    // inside \Q…\E

	groups    int // groups opened so far
	total     int // groups in the pattern (pass 2), -1 in pass 1
	names     map[string][]int
	maxRef    int
	keepGroup int

	defs   map[int]reGroupDef // where each group's pattern starts
	open   []int              // the capturing groups the parser is inside
	inline int                // depth of subroutine calls being inlined

	setOuter reFlags // the options an option setting leaves in force
	hasOuter bool
}

func (p *reParser) run(f reFlags) {
	p.i, p.fl, p.quote, p.groups, p.maxRef, p.keepGroup = 0, f, false, 0, 0, 0
	p.out.Reset()
	p.alternatives(false)
	if p.i < len(p.src) { // a ')' without its '('
		p.fail("unmatched parentheses", p.pos[p.i])
	}
}

func (p *reParser) fail(msg string, pos int) { panic(&reSyntaxError{msg, pos}) }
func (p *reParser) failHere(msg string)      { p.fail(msg, p.pos[p.i]) }
func (p *reParser) end() int                 { return p.pos[len(p.src)] }

func (p *reParser) peek(k int) rune {
	if p.i+k < len(p.src) {
		return p.src[p.i+k]
	}
	return -1
}

func (p *reParser) unicode() bool { return p.fl&reUnicode != 0 }
func (p *reParser) ucp() bool     { return p.fl&reUCP != 0 }

// alternatives parses alternatives up to a ')' or the end and returns the
// fixed length of each (-1: variable), for lookbehind checks.
func (p *reParser) alternatives(branchReset bool) []int {
	start, most := p.groups, p.groups
	var lens []int
	cur := 0
	for {
		p.skipExtended()
		if p.i >= len(p.src) {
			break
		}
		c := p.src[p.i]
		if !p.quote && c == ')' {
			break
		}
		if !p.quote && c == '|' {
			p.i++
			p.out.WriteByte('|')
			lens = append(lens, cur)
			cur = 0
			if branchReset {
				most = max(most, p.groups)
				p.groups = start
			}
			continue
		}
		n := p.quantified()
		if cur >= 0 {
			if n < 0 {
				cur = -1
			} else {
				cur += n
			}
		}
	}
	if branchReset {
		p.groups = max(most, p.groups)
	}
	return append(lens, cur)
}

// skipExtended skips whitespace and # comments in extended mode.
func (p *reParser) skipExtended() {
	if p.quote || p.fl&reExtended == 0 {
		return
	}
	for p.i < len(p.src) {
		switch c := p.src[p.i]; {
		case c == ' ' || c >= '\t' && c <= '\r':
			p.i++
		case c == '#':
			for p.i < len(p.src) && p.src[p.i] != '\n' && p.src[p.i] != '\r' {
				p.i++
			}
		default:
			return
		}
	}
}

// Kinds of item returned with an item's length.
const (
	reItemNone   = -2 // emitted nothing (option setting, comment, \E)
	reItemAtom   = 0  // a quantifiable atom
	reItemAssert = 1  // an assertion: not quantifiable
)

// quantified parses an atom and its quantifier and returns its length.
func (p *reParser) quantified() int {
	start := p.out.Len()
	n, kind := p.atom()
	if kind == reItemNone {
		return 0
	}
	if p.quote {
		return n
	}
	p.skipExtended()
	qpos := p.i
	lo, hi, ok := p.quantifier()
	if !ok {
		return n
	}
	if kind == reItemAssert {
		p.fail("nothing to repeat", p.pos[qpos])
	}
	lazy := p.fl&reUngreedy != 0
	possessive := false
	switch p.peek(0) {
	case '?':
		lazy = !lazy
		p.i++
	case '+':
		possessive, lazy = true, false
		p.i++
	}
	switch {
	case lo == 0 && hi < 0:
		p.out.WriteByte('*')
	case lo == 1 && hi < 0:
		p.out.WriteByte('+')
	case lo == 0 && hi == 1:
		p.out.WriteByte('?')
	case hi < 0:
		fmt.Fprintf(&p.out, "{%d,}", lo)
	case lo == hi:
		fmt.Fprintf(&p.out, "{%d}", lo)
	default:
		fmt.Fprintf(&p.out, "{%d,%d}", lo, hi)
	}
	if lazy {
		p.out.WriteByte('?')
	}
	if possessive {
		s := p.out.String()
		p.out.Reset()
		p.out.WriteString(s[:start])
		p.out.WriteString("(?>")
		p.out.WriteString(s[start:])
		p.out.WriteString(")")
	}
	if lo == hi && n >= 0 {
		return n * lo
	}
	return -1
}

// quantifier parses *, +, ? or a {n}, {n,}, {n,m} quantifier.
func (p *reParser) quantifier() (lo, hi int, ok bool) {
	switch p.peek(0) {
	case '*':
		p.i++
		return 0, -1, true
	case '+':
		p.i++
		return 1, -1, true
	case '?':
		p.i++
		return 0, 1, true
	case '{':
		j := p.i + 1
		num := func() (int, bool) {
			k := j
			for j < len(p.src) && p.src[j] >= '0' && p.src[j] <= '9' {
				j++
			}
			if j == k {
				return 0, false
			}
			v, err := strconv.Atoi(string(p.src[k:j]))
			if err != nil || v > 65535 {
				p.fail("number too big in {} quantifier", p.pos[j])
			}
			return v, true
		}
		lo, okLo := num()
		if !okLo {
			return 0, 0, false // not a quantifier: a literal '{'
		}
		hi = lo
		if j < len(p.src) && p.src[j] == ',' {
			j++
			hi = -1
			if v, ok := num(); ok {
				hi = v
			}
		}
		if j >= len(p.src) || p.src[j] != '}' {
			return 0, 0, false
		}
		if hi >= 0 && hi < lo {
			p.fail("numbers out of order in {} quantifier", p.pos[j])
		}
		p.i = j + 1
		return lo, hi, true
	}
	return 0, 0, false
}

// atom parses one item and returns its length and kind.
func (p *reParser) atom() (int, int) {
	c := p.src[p.i]
	if p.quote {
		if c == '\\' && p.peek(1) == 'E' {
			p.i += 2
			p.quote = false
			return 0, reItemNone
		}
		p.i++
		p.literal(c)
		return 1, reItemAtom
	}
	switch c {
	case '(':
		return p.group()
	case '[':
		p.class()
		return 1, reItemAtom
	case '.':
		p.i++
		p.dot(p.fl&reDotall != 0)
		return 1, reItemAtom
	case '^':
		p.i++
		p.circumflex()
		return 0, reItemAssert
	case '$':
		p.i++
		p.dollar()
		return 0, reItemAssert
	case '\\':
		return p.escapeAtom()
	case '*', '+', '?':
		p.failHere("nothing to repeat")
	case '{':
		save := p.i
		if _, _, ok := p.quantifier(); ok {
			p.fail("nothing to repeat", p.pos[save])
		}
		p.i = save
	}
	p.i++
	p.literal(c)
	return 1, reItemAtom
}

// literal emits a character outside a class. Caseless, a character whose
// case folding has more than two members (k, K and the Kelvin sign; s, S
// and ſ) becomes a class of them all: regexp2 only compares lower cases.
func (p *reParser) literal(r rune) {
	if p.fl&reCaseless != 0 && p.unicode() {
		if f := unicode.SimpleFold(r); f != r && unicode.SimpleFold(f) != r {
			set := runeSet{{r, r}}
			for c := f; c != r; c = unicode.SimpleFold(c) {
				set = append(set, runeRange{c, c})
			}
			writeClass(&p.out, set.normalize(), false)
			return
		}
	}
	writeLiteral(&p.out, r)
}

// newlineClass is the set of characters that can start a newline.
func (p *reParser) newlineClass() string {
	switch p.fl.newline() {
	case nlCR:
		return `\r`
	case nlCRLF:
		return `\r`
	case nlAnyCRLF:
		return `[\r\n]`
	case nlAny:
		return `[\n\u000b\f\r\u0085\u2028\u2029]`
	}
	return `\n`
}

// newlineSeq matches one newline.
func (p *reParser) newlineSeq() string {
	switch p.fl.newline() {
	case nlCR:
		return `\r`
	case nlCRLF:
		return `\r\n`
	case nlAnyCRLF:
		return `(?:\r\n|\r|\n)`
	case nlAny:
		return `(?:\r\n|[\n\u000b\f\r\u0085\u2028\u2029])`
	}
	return `\n`
}

func (p *reParser) dot(all bool) {
	switch {
	case all:
		p.out.WriteString(`[\s\S]`)
	case p.fl.newline() == nlCRLF:
		p.out.WriteString(`(?:(?!\r\n)[\s\S])`)
	case p.fl.newline() == nlAnyCRLF:
		p.out.WriteString(`[^\r\n]`)
	case p.fl.newline() == nlAny:
		p.out.WriteString(`[^\n\u000b\f\r\u0085\u2028\u2029]`)
	case p.fl.newline() == nlCR:
		p.out.WriteString(`[^\r]`)
	default:
		p.out.WriteString(`[^\n]`)
	}
}

func (p *reParser) circumflex() {
	// After a newline; a \r that starts a \r\n ends no line by itself.
	after := `(?<=\n)`
	switch p.fl.newline() {
	case nlCR:
		after = `(?<=\r)`
	case nlCRLF:
		after = `(?<=\r\n)`
	case nlAnyCRLF:
		after = `(?:(?<=\n)|(?<=\r)(?!\n))`
	case nlAny:
		after = `(?:(?<=[\n\u000b\f\u0085\u2028\u2029])|(?<=\r)(?!\n))`
	}
	switch {
	case p.fl&reMultiline != 0 && p.fl&reNotBOL != 0:
		fmt.Fprintf(&p.out, `(?:%s(?!\z))`, after)
	case p.fl&reMultiline != 0:
		fmt.Fprintf(&p.out, `(?:\A|%s(?!\z))`, after)
	case p.fl&reNotBOL != 0:
		p.out.WriteString(`(?!)`)
	default:
		p.out.WriteString(`\A`)
	}
}

func (p *reParser) dollar() {
	switch {
	case p.fl&reMultiline != 0 && p.fl&reNotEOL != 0:
		fmt.Fprintf(&p.out, `(?=%s)`, p.newlineClass())
	case p.fl&reMultiline != 0:
		fmt.Fprintf(&p.out, `(?=%s|\z)`, p.newlineClass())
	case p.fl&reNotEOL != 0:
		p.out.WriteString(`(?!)`)
	case p.fl&reDollarEndonly != 0:
		p.out.WriteString(`\z`)
	default:
		fmt.Fprintf(&p.out, `(?=%s?\z)`, p.newlineSeq())
	}
}

// writeSet writes a predefined class, immune to caseless matching as in PCRE.
func (p *reParser) writeSet(s runeSet, negated bool) {
	if p.fl&reCaseless != 0 {
		p.out.WriteString("(?-i:")
		writeClass(&p.out, s, negated)
		p.out.WriteString(")")
		return
	}
	writeClass(&p.out, s, negated)
}

func (p *reParser) wordSet() runeSet {
	if p.ucp() {
		return ucpWord
	}
	return latin1Word
}

// escapeAtom parses an escape outside a class.
func (p *reParser) escapeAtom() (int, int) {
	at := p.i
	p.i++
	if p.i >= len(p.src) {
		p.fail(`\ at end of pattern`, p.end())
	}
	c := p.src[p.i]
	switch c {
	case 'b', 'B':
		p.i++
		if !p.unicode() {
			// Below 256 regexp2's word characters (L, Mn, Nd, Pc) are
			// exactly OTP's Latin-1 ones, and its \b is much faster
			// than lookarounds.
			p.out.WriteString(`\` + string(c))
			return 0, reItemAssert
		}
		var w strings.Builder
		writeClass(&w, p.wordSet(), false)
		ws := w.String()
		if p.fl&reCaseless != 0 {
			p.out.WriteString("(?-i:")
		}
		if c == 'b' {
			fmt.Fprintf(&p.out, `(?:(?<=%[1]s)(?!%[1]s)|(?<!%[1]s)(?=%[1]s))`, ws)
		} else {
			fmt.Fprintf(&p.out, `(?:(?<=%[1]s)(?=%[1]s)|(?<!%[1]s)(?!%[1]s))`, ws)
		}
		if p.fl&reCaseless != 0 {
			p.out.WriteString(")")
		}
		return 0, reItemAssert
	case 'A':
		p.i++
		p.out.WriteString(`\A`)
		return 0, reItemAssert
	case 'z':
		p.i++
		p.out.WriteString(`\z`)
		return 0, reItemAssert
	case 'Z':
		p.i++
		fmt.Fprintf(&p.out, `(?=%s?\z)`, p.newlineSeq())
		return 0, reItemAssert
	case 'G':
		p.i++
		p.out.WriteString(`\G`)
		return 0, reItemAssert
	case 'R':
		p.i++
		if p.fl&reBSRAnyCRLF != 0 {
			p.out.WriteString(`(?>\r\n|[\n\r])`)
		} else {
			p.out.WriteString(`(?>\r\n|[\n\u000b\f\r\u0085\u2028\u2029])`)
		}
		return -1, reItemAtom
	case 'N':
		p.i++
		p.dot(false)
		return 1, reItemAtom
	case 'X':
		p.i++
		p.out.WriteString(`(?>\P{M}\p{M}*)`)
		return -1, reItemAtom
	case 'K':
		p.i++
		if p.total >= 0 {
			p.keepGroup = p.total + 1
		}
		fmt.Fprintf(&p.out, "(?<%d>)", p.total+1)
		return 0, reItemAssert
	case 'C':
		p.fail(`\C is not supported by avm's regular expressions`, p.pos[at])
	case 'Q':
		p.i++
		p.quote = true
		return 0, reItemNone
	case 'E':
		p.i++
		return 0, reItemNone
	case 'k':
		p.i++
		open := p.peek(0)
		closing := map[rune]rune{'<': '>', '\'': '\'', '{': '}'}[open]
		if closing == 0 {
			p.failHere(`\k is not followed by a braced, angle-bracketed, or quoted name`)
		}
		p.i++
		p.namedRef(p.name(closing))
		return -1, reItemAtom
	case 'g':
		p.i++
		return p.gRef()
	}
	if c >= '1' && c <= '9' {
		j := p.i
		for j < len(p.src) && p.src[j] >= '0' && p.src[j] <= '9' {
			j++
		}
		// \1-\7 are references; \8 and up only when that many groups
		// exist, else octal (or the digits 8 and 9 themselves).
		n, _ := strconv.Atoi(string(p.src[p.i:j]))
		if n < 8 || p.total < 0 || n <= p.total {
			p.i = j
			p.backref(n)
			return -1, reItemAtom
		}
		if c >= '8' {
			p.i++
			p.literal(c)
			return 1, reItemAtom
		}
	}
	r, set, neg, isSet := p.escapeValue(false)
	if isSet {
		p.writeSet(set, neg)
	} else {
		p.literal(r)
	}
	return 1, reItemAtom
}

// octalLen counts the octal digits (at most 3) at i.
func (p *reParser) octalLen(i int) int {
	n := 0
	for n < 3 && i+n < len(p.src) && p.src[i+n] >= '0' && p.src[i+n] <= '7' {
		n++
	}
	return n
}

// gRef parses what follows \g: a numbered, relative or named reference.
func (p *reParser) gRef() (int, int) {
	if c := p.peek(0); c == '<' || c == '\'' {
		// A subroutine call: \g<N>, \g<+N>, \g<name> and quoted forms.
		open := p.i - 2
		p.i++
		term := map[rune]rune{'<': '>', '\'': '\''}[c]
		if d := p.peek(0); d == '+' || d == '-' || d >= '0' && d <= '9' {
			return p.callNumber(term, open)
		}
		return p.callName(p.name(term), open)
	}
	braced := p.peek(0) == '{'
	if braced {
		p.i++
	}
	j := p.i
	if j < len(p.src) && (p.src[j] == '-' || p.src[j] == '+') {
		j++
	}
	k := j
	for k < len(p.src) && p.src[k] >= '0' && p.src[k] <= '9' {
		k++
	}
	if k == j {
		if !braced {
			p.failHere("a numbered reference must not be zero")
		}
		p.namedRef(p.name('}'))
		return -1, reItemAtom
	}
	n, _ := strconv.Atoi(string(p.src[j:k]))
	if p.src[p.i] == '-' {
		n = p.groups - n + 1
	}
	if braced {
		if k >= len(p.src) || p.src[k] != '}' {
			p.fail("\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number", p.pos[k])
		}
		k++
	}
	if n <= 0 {
		p.fail("reference to non-existent subpattern", p.pos[k-1])
	}
	p.i = k
	p.backref(n)
	return -1, reItemAtom
}

func (p *reParser) backref(n int) {
	p.maxRef = max(p.maxRef, n)
	fmt.Fprintf(&p.out, `\k<%d>`, n)
}

// namedRef emits a backreference to a name; with duplicate names it
// matches the first of the groups that is set, as PCRE does.
func (p *reParser) namedRef(name string) {
	nums, ok := p.names[name]
	if !ok {
		if p.total < 0 {
			p.out.WriteString(`(?:)`) // resolved in pass 2
			return
		}
		p.fail("reference to non-existent subpattern", p.pos[p.i-1])
	}
	if len(nums) == 1 {
		p.backref(nums[0])
		return
	}
	for _, n := range nums {
		fmt.Fprintf(&p.out, `(?(%d)\k<%d>|`, n, n)
	}
	p.out.WriteString(`(?!)`)
	p.out.WriteString(strings.Repeat(")", len(nums)))
}

// name reads a group name up to its terminator.
func (p *reParser) name(term rune) string {
	start := p.i
	if p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
		p.failHere("group name must start with a non-digit")
	}
	for p.i < len(p.src) && isNameRune(p.src[p.i]) {
		p.i++
	}
	if p.i >= len(p.src) || p.src[p.i] != term {
		if p.i == start {
			p.failHere("group name expected")
		}
		p.failHere("syntax error in subpattern name (missing terminator)")
	}
	if p.i-start > 32 {
		p.failHere("subpattern name is too long (maximum 32 characters)")
	}
	name := string(p.src[start:p.i])
	p.i++
	return name
}

func isNameRune(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// escapeValue parses the escape at p.i (after the backslash) that stands
// for a character or a class, inside or outside a character class.
func (p *reParser) escapeValue(inClass bool) (r rune, set runeSet, negated, isSet bool) {
	c := p.src[p.i]
	p.i++
	switch c {
	case 'a':
		return 7, nil, false, false
	case 'e':
		return 27, nil, false, false
	case 'f':
		return '\f', nil, false, false
	case 'n':
		return '\n', nil, false, false
	case 'r':
		return '\r', nil, false, false
	case 't':
		return '\t', nil, false, false
	case 'b':
		return '\b', nil, false, false // only reached inside a class
	case 'd', 'D':
		s := asciiDigit
		if p.ucp() {
			s = ucpDigit
		}
		return 0, s, c == 'D', true
	case 'w', 'W':
		return 0, p.wordSet(), c == 'W', true
	case 's', 'S':
		s := latin1Space
		if p.ucp() {
			s = ucpSpace
		}
		return 0, s, c == 'S', true
	case 'h', 'H':
		return 0, hSpace, c == 'H', true
	case 'v', 'V':
		return 0, vSpace, c == 'V', true
	case 'p', 'P':
		return p.property(c == 'P')
	case 'c':
		if p.i >= len(p.src) {
			p.fail(`\c at end of pattern`, p.end())
		}
		x := p.src[p.i]
		if x > 127 {
			p.failHere(`\c must be followed by an ASCII character`)
		}
		p.i++
		if x >= 'a' && x <= 'z' {
			x -= 32
		}
		return x ^ 0x40, nil, false, false
	case 'x':
		if p.peek(0) == '{' {
			j := p.i + 1
			k := j
			for k < len(p.src) && isHexRune(p.src[k]) {
				k++
			}
			if k < len(p.src) && p.src[k] == '}' && k > j {
				p.i = k + 1
				return p.checkCode(parseHex(p.src[j:k])), nil, false, false
			}
			return 'x', nil, false, false
		}
		k := p.i
		for k < len(p.src) && k < p.i+2 && isHexRune(p.src[k]) {
			k++
		}
		v := parseHex(p.src[p.i:k])
		p.i = k
		return rune(v), nil, false, false
	case 'o':
		if p.peek(0) != '{' {
			p.failHere(`missing opening brace after \o`)
		}
		j := p.i + 1
		k := j
		for k < len(p.src) && p.src[k] >= '0' && p.src[k] <= '7' {
			k++
		}
		if k >= len(p.src) || p.src[k] != '}' || k == j {
			p.fail(`digits missing in \x{} or \o{}`, p.pos[k])
		}
		v, _ := strconv.ParseInt(string(p.src[j:k]), 8, 64)
		p.i = k + 1
		return p.checkCode(v), nil, false, false
	case '0', '1', '2', '3', '4', '5', '6', '7':
		p.i--
		n := p.octalLen(p.i)
		v, _ := strconv.ParseInt(string(p.src[p.i:p.i+n]), 8, 64)
		p.i += n
		if !p.unicode() {
			v &= 0xFF
		}
		return rune(v), nil, false, false
	}
	return c, nil, false, false // an escaped literal, or an unknown letter taken as itself
}

func isHexRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}

func parseHex(rs []rune) int64 {
	if len(rs) > 8 {
		return 1 << 32
	}
	v, _ := strconv.ParseInt(string(rs), 16, 64)
	return v
}

// checkCode checks a \x{…} or \o{…} character code; p.i is past its
// closing brace, where PCRE reports errors (p.i-1).
func (p *reParser) checkCode(v int64) rune {
	limit := int64(0xFF)
	if p.unicode() {
		limit = 0x10FFFF
	}
	if v > limit {
		p.fail(`character value in \x{} or \o{} is too large`, p.pos[p.i-1])
	}
	if p.unicode() && v >= 0xD800 && v <= 0xDFFF {
		p.fail("disallowed Unicode code point (>= 0xd800 && <= 0xdfff)", p.pos[p.i-1])
	}
	return rune(v)
}

// property parses \p{Name}, \p{^Name} or \pL (p.i after the p or P).
func (p *reParser) property(negated bool) (rune, runeSet, bool, bool) {
	if p.i >= len(p.src) {
		p.fail(`malformed \P or \p sequence`, p.end())
	}
	var name string
	if p.src[p.i] == '{' {
		j := p.i + 1
		if j < len(p.src) && p.src[j] == '^' {
			negated = !negated
			j++
		}
		k := j
		for k < len(p.src) && p.src[k] != '}' {
			k++
		}
		if k >= len(p.src) {
			p.fail(`malformed \P or \p sequence`, p.end())
		}
		name = string(p.src[j:k])
		p.i = k + 1
	} else {
		name = string(p.src[p.i])
		p.i++
	}
	s, ok := propertySet(name)
	if !ok {
		p.fail(`unknown property name after \P or \p`, p.pos[p.i-1])
	}
	return 0, s, negated, true
}

// class parses a character class [...].
func (p *reParser) class() {
	p.i++
	negated := false
	if p.peek(0) == '^' {
		negated = true
		p.i++
	}
	var set runeSet
	first := true
	for {
		if p.i >= len(p.src) {
			p.fail("missing terminating ] for character class", p.end())
		}
		c := p.src[p.i]
		if c == ']' && !first {
			p.i++
			break
		}
		first = false
		if c == '[' && p.peek(1) == ':' {
			if s, ok := p.posix(); ok {
				set = set.union(s)
				continue
			}
		}
		lo, s, neg, isSet, ok := p.classItem()
		if !ok {
			continue
		}
		if isSet {
			if neg {
				s = s.complement()
			}
			set = set.union(s)
			continue
		}
		if p.peek(0) == '-' && p.peek(1) != ']' && p.peek(1) >= 0 {
			save := p.i
			p.i++
			hi, _, _, hiSet, hok := p.classItem()
			if hok && !hiSet {
				if hi < lo {
					p.fail("range out of order in character class", p.pos[p.i-1])
				}
				set = set.union(runeSet{{lo, hi}})
				continue
			}
			p.i = save // '-' before a class escape is a literal
		}
		set = set.union(runeSet{{lo, lo}})
	}
	writeClass(&p.out, set, negated)
}

// classItem parses one character or escape inside a class; ok is false
// for \Q, \E and empty quoted sections.
func (p *reParser) classItem() (r rune, set runeSet, negated, isSet, ok bool) {
	c := p.src[p.i]
	if p.quote {
		if c == '\\' && p.peek(1) == 'E' {
			p.i += 2
			p.quote = false
			return 0, nil, false, false, false
		}
		p.i++
		return c, nil, false, false, true
	}
	if c != '\\' {
		p.i++
		return c, nil, false, false, true
	}
	p.i++
	if p.i >= len(p.src) {
		p.fail(`\ at end of pattern`, p.end())
	}
	switch p.src[p.i] {
	case 'Q':
		p.i++
		p.quote = true
		return 0, nil, false, false, false
	case 'E':
		p.i++
		return 0, nil, false, false, false
	case '8', '9':
		r := p.src[p.i]
		p.i++
		return r, nil, false, false, true
	}
	r, set, negated, isSet = p.escapeValue(true)
	return r, set, negated, isSet, true
}

// posix parses [:name:] or [:^name:] inside a class (p.i at the '[').
func (p *reParser) posix() (runeSet, bool) {
	j := p.i + 2
	negated := false
	if j < len(p.src) && p.src[j] == '^' {
		negated = true
		j++
	}
	k := j
	for k < len(p.src) && p.src[k] >= 'a' && p.src[k] <= 'z' {
		k++
	}
	if k+1 >= len(p.src) || p.src[k] != ':' || p.src[k+1] != ']' {
		return nil, false
	}
	s, ok := posixClass(string(p.src[j:k]), p.ucp())
	if !ok {
		p.fail("unknown POSIX class name", p.pos[j])
	}
	p.i = k + 2
	if negated {
		s = s.complement()
	}
	return s, true
}

// group parses a parenthesized item starting at p.i.
func (p *reParser) group() (int, int) {
	open := p.i
	p.i++
	saved := p.fl
	defer func() {
		// An option setting without a colon lasts to the end of the
		// enclosing group, so it survives its own parentheses.
		if p.hasOuter {
			p.fl, p.hasOuter = p.setOuter, false
		} else {
			p.fl = saved
		}
	}()
	if p.peek(0) == '*' {
		return p.verb(open)
	}
	if p.peek(0) != '?' {
		if p.fl&reNoAutoCapture != 0 {
			p.out.WriteString("(?:")
			return p.body(open, false)
		}
		p.groups++
		return p.capture(open)
	}
	p.i++
	c := p.peek(0)
	switch c {
	case '#':
		for p.i < len(p.src) && p.src[p.i] != ')' {
			p.i++
		}
		if p.i >= len(p.src) {
			p.fail("missing ) after comment", p.end())
		}
		p.i++
		return 0, reItemNone
	case ':', '>':
		p.i++
		p.out.WriteString("(?" + string(c))
		return p.body(open, false)
	case '|':
		p.i++
		p.out.WriteString("(?:")
		return p.body(open, true)
	case '=', '!':
		p.i++
		p.out.WriteString("(?" + string(c))
		p.body(open, false)
		return 0, reItemAtom // PCRE lets assertions be repeated
	case '<':
		if d := p.peek(1); d == '=' || d == '!' {
			p.i += 2
			p.out.WriteString("(?<" + string(d))
			lens := p.alternatives(false)
			p.closeGroup()
			for _, l := range lens {
				if l < 0 {
					p.fail("lookbehind assertion is not fixed length", p.pos[p.i-1])
				}
			}
			return 0, reItemAtom
		}
		p.i++
		return p.namedGroup(open, '>')
	case '\'':
		p.i++
		return p.namedGroup(open, '\'')
	case 'P':
		switch p.peek(1) {
		case '<':
			p.i += 2
			return p.namedGroup(open, '>')
		case '=':
			p.i += 2
			p.namedRef(p.name(')'))
			return -1, reItemAtom
		case '>':
			p.i += 2
			return p.callName(p.name(')'), open)
		}
	case '(':
		return p.conditional(open)
	case 'R':
		p.fail("recursion is not supported by avm's regular expressions", p.pos[open])
	case '&':
		p.i++
		return p.callName(p.name(')'), open)
	case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if c != '-' || p.peek(1) >= '0' && p.peek(1) <= '9' {
			return p.callNumber(')', open)
		}
	case 'C':
		p.fail("callouts are not supported by avm's regular expressions", p.pos[open])
	}
	return p.optionSetting(open)
}

// optionSetting parses (?imsxJUX-imsxJUX) and (?imsx:...).
func (p *reParser) optionSetting(open int) (int, int) {
	on := true
	f := p.fl
	for {
		if p.i >= len(p.src) {
			p.fail("missing )", p.end())
		}
		c := p.src[p.i]
		var bit reFlags
		switch c {
		case 'i':
			bit = reCaseless
		case 'm':
			bit = reMultiline
		case 's':
			bit = reDotall
		case 'x':
			bit = reExtended
		case 'J':
			bit = reDupnames
		case 'U':
			bit = reUngreedy
		case 'X':
		case '-':
			if !on {
				p.failHere("unrecognized character after (? or (?-")
			}
			on = false
			p.i++
			continue
		case ')', ':':
			p.i++
			caseChange := (f^p.fl)&reCaseless != 0
			if c == ')' {
				p.setOuter = f
				p.hasOuter = true
				if caseChange {
					if f&reCaseless != 0 {
						p.out.WriteString("(?i)")
					} else {
						p.out.WriteString("(?-i)")
					}
				}
				return 0, reItemNone
			}
			p.fl = f
			if caseChange {
				if f&reCaseless != 0 {
					p.out.WriteString("(?i:")
				} else {
					p.out.WriteString("(?-i:")
				}
			} else {
				p.out.WriteString("(?:")
			}
			return p.body(open, false)
		default:
			p.failHere("unrecognized character after (? or (?-")
		}
		if on {
			f |= bit
		} else {
			f &^= bit
		}
		p.i++
	}
}

func (p *reParser) namedGroup(open int, term rune) (int, int) {
	name := p.name(term)
	p.groups++
	if p.total < 0 {
		dup := false
		for _, n := range p.names[name] {
			dup = dup || n == p.groups
		}
		if len(p.names[name]) > 0 && !dup && p.fl&reDupnames == 0 {
			p.fail("two named subpatterns have the same name", p.pos[p.i-1])
		}
		p.noteName(name, p.groups)
	}
	return p.capture(open)
}

// capture parses the body of capturing group p.groups. Inside an inlined
// subroutine call its groups capture nothing, as PCRE restores the
// captures when a call returns.
func (p *reParser) capture(open int) (int, int) {
	n := p.groups
	if _, ok := p.defs[n]; !ok {
		p.defs[n] = reGroupDef{start: p.i, fl: p.fl}
	}
	if p.inline > 0 {
		p.out.WriteString("(?:")
	} else {
		fmt.Fprintf(&p.out, "(?<%d>", n)
	}
	p.open = append(p.open, n)
	defer func() { p.open = p.open[:len(p.open)-1] }()
	return p.body(open, false)
}

// callNumber parses the number of a subroutine call, (?N), (?+N), (?-N)
// or \g<N>, up to its terminator.
func (p *reParser) callNumber(term rune, open int) (int, int) {
	sign := p.peek(0)
	if sign == '+' || sign == '-' {
		p.i++
	}
	j := p.i
	for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
		p.i++
	}
	if p.i == j || p.i >= len(p.src) || p.src[p.i] != term {
		p.failHere("(?R or (?[+-]digits must be followed by )")
	}
	n, _ := strconv.Atoi(string(p.src[j:p.i]))
	p.i++
	switch sign {
	case '+':
		n += p.groups
	case '-':
		n = p.groups - n + 1
	}
	return p.call(n, open)
}

func (p *reParser) callName(name string, open int) (int, int) {
	nums, ok := p.names[name]
	if !ok {
		if p.total < 0 {
			p.out.WriteString("(?:)") // resolved in pass 2
			return -1, reItemAtom
		}
		p.fail("reference to non-existent subpattern", p.pos[p.i-1])
	}
	return p.call(nums[0], open)
}

// call inlines group n's pattern, parsed again with the options in force
// where the group is: regexp2 has no subroutine calls, so a call is
// supported unless it recurses.
func (p *reParser) call(n, open int) (int, int) {
	if n == 0 {
		p.fail("recursion is not supported by avm's regular expressions", p.pos[open])
	}
	if p.total < 0 {
		p.out.WriteString("(?:)")
		return -1, reItemAtom
	}
	if n < 0 || n > p.total {
		p.fail("reference to non-existent subpattern", p.pos[p.i-1])
	}
	for _, o := range p.open {
		if o == n {
			p.fail("recursive subroutine calls are not supported by avm's regular expressions", p.pos[open])
		}
	}
	def := p.defs[n]
	sub := &reParser{src: p.src, pos: p.pos, base: p.base, i: def.start, fl: def.fl, groups: n,
		total: p.total, names: p.names, defs: p.defs, inline: p.inline + 1, open: append(append([]int(nil), p.open...), n)}
	sub.out.WriteString("(?:")
	lens := sub.alternatives(false)
	sub.out.WriteString(")")
	p.maxRef = max(p.maxRef, sub.maxRef)
	p.out.WriteString(sub.out.String())
	l := lens[0]
	for _, x := range lens[1:] {
		if x != l {
			l = -1
		}
	}
	return l, reItemAtom
}

// noteName records a group's name in pass 1.
func (p *reParser) noteName(name string, num int) {
	nums := p.names[name]
	for _, n := range nums {
		if n == num {
			return // the same group in another branch of a (?|…)
		}
	}
	p.names[name] = append(nums, num)
}

// body parses a group's alternatives and its ')'; the group's length is
// fixed when every alternative has the same fixed length.
func (p *reParser) body(open int, branchReset bool) (int, int) {
	lens := p.alternatives(branchReset)
	p.closeGroup()
	n := lens[0]
	for _, l := range lens[1:] {
		if l != n {
			n = -1
		}
	}
	return n, reItemAtom
}

func (p *reParser) closeGroup() {
	if p.i >= len(p.src) {
		p.fail("missing )", p.end())
	}
	p.i++
	p.out.WriteByte(')')
}

// conditional parses (?(condition)yes|no); p.i is at the inner '('.
func (p *reParser) conditional(open int) (int, int) {
	p.i++
	c := p.peek(0)
	if c == '?' || c == '*' {
		p.i-- // an assertion condition: emitted as a group
		p.out.WriteString("(?")
		p.group()
		return p.condBody(open)
	}
	j := p.i
	for j < len(p.src) && p.src[j] != ')' {
		j++
	}
	if j >= len(p.src) {
		p.fail("malformed number or name after (?(", p.end())
	}
	cond := string(p.src[p.i:j])
	p.i = j + 1
	num := 0
	switch {
	case cond == "DEFINE":
		p.out.WriteString("(?:(?!)(?:")
		lens := p.alternatives(false)
		if len(lens) > 1 {
			p.failHere("DEFINE group contains more than one branch")
		}
		p.closeGroup()
		p.out.WriteString(")?")
		return 0, reItemAtom
	case cond == "R" || strings.HasPrefix(cond, "R&") || len(cond) > 1 && cond[0] == 'R' && cond[1] >= '0' && cond[1] <= '9':
		p.fail("recursion conditions are not supported by avm's regular expressions", p.pos[open])
	case len(cond) > 0 && (cond[0] >= '0' && cond[0] <= '9' || cond[0] == '+' || cond[0] == '-'):
		n, err := strconv.Atoi(strings.TrimPrefix(cond, "+"))
		if err != nil {
			p.fail("malformed number or name after (?(", p.pos[j])
		}
		switch cond[0] {
		case '+':
			n += p.groups
		case '-':
			n = p.groups + n + 1
		}
		if n <= 0 || p.total >= 0 && n > p.total {
			p.fail("reference to non-existent subpattern", p.pos[p.i-1]+1)
		}
		num = n
	default:
		name := cond
		if len(name) >= 2 && (name[0] == '<' && name[len(name)-1] == '>' || name[0] == '\'' && name[len(name)-1] == '\'') {
			name = name[1 : len(name)-1]
		}
		nums, ok := p.names[name]
		switch {
		case ok:
			num = nums[0]
		case p.total >= 0:
			p.fail("reference to non-existent subpattern", p.pos[p.i-1])
		default:
			num = 1 // pass 1: any number will do
		}
	}
	fmt.Fprintf(&p.out, "(?(%d)", num)
	return p.condBody(open)
}

func (p *reParser) condBody(open int) (int, int) {
	lens := p.alternatives(false)
	if len(lens) > 2 {
		p.failHere("conditional group contains more than two branches")
	}
	p.closeGroup()
	if len(lens) == 2 && lens[0] == lens[1] {
		return lens[0], reItemAtom
	}
	return -1, reItemAtom
}

// verb parses a backtracking control verb (p.i at the '*').
func (p *reParser) verb(open int) (int, int) {
	j := p.i
	for j < len(p.src) && p.src[j] != ')' {
		j++
	}
	if j >= len(p.src) {
		p.fail("missing )", p.end())
	}
	name := string(p.src[p.i+1 : j])
	if name == "FAIL" || name == "F" {
		p.i = j + 1
		p.out.WriteString("(?!)")
		return 0, reItemAssert
	}
	switch name {
	case "ACCEPT", "COMMIT", "PRUNE", "SKIP", "THEN":
		p.fail(fmt.Sprintf("(*%s) is not supported by avm's regular expressions", name), p.pos[open])
	}
	p.fail("(*VERB) not recognized or malformed", p.pos[j])
	return 0, reItemNone
}
