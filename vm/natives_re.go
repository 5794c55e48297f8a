package vm

import (
	"bytes"
	"encoding/binary"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2"

	"github.com/avmtool/avm/vm/term"
)

// The re module (OTP 25's API) as Go natives. Patterns are PCRE 8.44 as
// OTP documents them, translated (re_syntax.go) to the dialect of the
// regexp2 backtracking engine. A compiled pattern keeps OTP's shape,
// {re_pattern, Groups, Unicode, UseCRLF, Binary}, where Binary is our own
// encoding (a magic, the compile options, the source): run, replace and
// split translate it again through a cache, and reject PCRE binaries made
// by a real BEAM with badarg. re:version/0 names this engine, so Elixir's
// Regex, which compares it with the version stored in ~r literals,
// recompiles such literals from their source.

func init() {
	register("re",
		Native{Function: "version", Arity: 0, Fn: reVersion, Doc: "the version of the regular expression engine (not OTP's PCRE: patterns compiled by another VM are recompiled from source by Elixir)"},
		Native{Function: "compile", Arity: 1, Fn: reCompile, Doc: "compile(Regexp): {ok, MP} for a PCRE pattern, or {error, {ErrString, Position}}"},
		Native{Function: "compile", Arity: 2, Fn: reCompile, Doc: "compile(Regexp, Options): {ok, MP} for a PCRE pattern compiled with options (unicode, caseless, multiline, …), or {error, {ErrString, Position}}"},
		Native{Function: "run", Arity: 2, Fn: reRun, Doc: "run(Subject, RE): {match, [{Offset, Length}]} for the first match of RE in Subject, or nomatch"},
		Native{Function: "run", Arity: 3, Fn: reRun, Doc: "run(Subject, RE, Options): the matches of RE in Subject as the options select ({capture, …}, global, {offset, N}, …), or nomatch"},
		Native{Function: "replace", Arity: 3, Fn: reReplace, Doc: "replace(Subject, RE, Replacement): Subject with the first match of RE replaced (& and \\N insert the match and groups), as iodata"},
		Native{Function: "replace", Arity: 4, Fn: reReplace, Doc: "replace(Subject, RE, Replacement, Options): Subject with matches of RE replaced (global, {return, iodata | list | binary}, …)"},
		Native{Function: "split", Arity: 2, Fn: reSplit, Doc: "split(Subject, RE): the parts of Subject between matches of RE, as binaries"},
		Native{Function: "split", Arity: 3, Fn: reSplit, Doc: "split(Subject, RE, Options): the parts of Subject between matches of RE ({parts, N}, trim, group, {return, …}, …)"},
		Native{Function: "inspect", Arity: 2, Fn: reInspect, Doc: "inspect(MP, namelist): {namelist, Names}, the sorted names of a compiled pattern's named groups"},
	)
}

// reMatchTimeout stands for PCRE's match limit: OTP gives up on a match
// after ten million backtracking steps (tens of milliseconds), so that a
// pathological pattern cannot hold a scheduler; regexp2 counts time.
// Patterns compiled after a change (tests) get the new value.
var reMatchTimeout = 5 * time.Second

// errReMatchLimit reports that a match took longer than reMatchTimeout:
// run returns nomatch, or {error, match_limit} with report_errors.
var errReMatchLimit = &reSyntaxError{"match limit exceeded", -1}

// reEngineVersion differs from every PCRE version string OTP reports.
const reEngineVersion = "8.44 avm-regexp2-1.12.0"

// reMagic starts the binary of our compiled patterns.
var reMagic = []byte("AVMre\x01")

var (
	atomRePattern     = term.Atom("re_pattern")
	atomMatch         = term.Atom("match")
	atomNamelist      = term.Atom("namelist")
	atomCompile       = term.Atom("compile")
	atomCapture       = term.Atom("capture")
	atomAllButFirst   = term.Atom("all_but_first")
	atomAllNames      = term.Atom("all_names")
	atomFirst         = term.Atom("first")
	atomIndex         = term.Atom("index")
	atomOffset        = term.Atom("offset")
	atomNewline       = term.Atom("newline")
	atomReturn        = term.Atom("return")
	atomIodata        = term.Atom("iodata")
	atomParts         = term.Atom("parts")
	atomGroup         = term.Atom("group")
	atomReportErrors  = term.Atom("report_errors")
	atomInfinity      = term.Atom("infinity")
	atomAnchored      = term.Atom("anchored")
	atomNotempty      = term.Atom("notempty")
	atomNotemptyAtst  = term.Atom("notempty_atstart")
	atomNotbol        = term.Atom("notbol")
	atomNoteol        = term.Atom("noteol")
	atomMatchLimit    = term.Atom("match_limit")
	atomMatchLimitRec = term.Atom("match_limit_recursion")
	atomBSRAnyCRLF    = term.Atom("bsr_anycrlf")
	atomBSRUnicode    = term.Atom("bsr_unicode")
	atomAllAtom       = term.Atom("all")
	atomNoneAtom      = term.Atom("none")
	atomBinaryAtom    = term.Atom("binary")
	atomListAtom      = term.Atom("list")
	reNewlineNames    = map[term.Term]reNewline{
		term.Atom("lf"): nlLF, term.Atom("cr"): nlCR, term.Atom("crlf"): nlCRLF,
		term.Atom("anycrlf"): nlAnyCRLF, term.Atom("any"): nlAny,
	}
	// reCompileOptions are the options compile/2 takes, with their flags;
	// anchored and the newline and \R settings are also run options.
	reCompileOptions = map[term.Term]reFlags{
		term.AtomUnicode:               reUnicode,
		term.Atom("caseless"):          reCaseless,
		term.Atom("multiline"):         reMultiline,
		term.Atom("dotall"):            reDotall,
		term.Atom("extended"):          reExtended,
		term.Atom("dollar_endonly"):    reDollarEndonly,
		term.Atom("ungreedy"):          reUngreedy,
		term.Atom("no_auto_capture"):   reNoAutoCapture,
		term.Atom("dupnames"):          reDupnames,
		term.Atom("firstline"):         reFirstline,
		term.Atom("ucp"):               reUCP,
		term.Atom("no_start_optimize"): reNoStartOptimize,
		term.Atom("never_utf"):         reNeverUTF,
		term.Atom("anchored"):          reAnchored,
		term.Atom("bsr_anycrlf"):       reBSRAnyCRLF,
		term.Atom("bsr_unicode"):       0,
	}
)

// reCompileOnly are the compile options a compiled pattern cannot take again.
const reCompileOnly = reUnicode | reCaseless | reMultiline | reDotall | reExtended | reDollarEndonly |
	reUngreedy | reNoAutoCapture | reDupnames | reFirstline | reUCP | reNoStartOptimize | reNeverUTF

// reRunFlags are the flags only a run sets; they are not stored in an MP.
const reRunFlags = reNotBOL | reNotEOL | reNotEmptyAnchored

func reVersion(p *Process, _ []term.Term) term.Term {
	return p.heap.MakeBinary([]byte(reEngineVersion))
}

// reProgram is a translated, compiled pattern.
type reProgram struct {
	re *regexp2.Regexp
	tr *reTranslation
}

// reCache holds compiled programs by source and flags, so that runs of an
// MP, or of the same pattern source, compile once.
var reCache struct {
	sync.Mutex
	m map[string]*reProgram
}

const reCacheMax = 512

// reCompileSource translates and compiles a pattern.
func reCompileSource(src []byte, f reFlags) (*reProgram, *reSyntaxError) {
	key := make([]byte, 4, 4+len(src))
	binary.BigEndian.PutUint32(key, uint32(f))
	key = append(key, src...)
	reCache.Lock()
	prog := reCache.m[string(key)]
	reCache.Unlock()
	if prog != nil {
		return prog, nil
	}
	tr, err := translatePCRE(src, f)
	if err != nil {
		return nil, err
	}
	re, cerr := regexp2.Compile(tr.expr, regexp2.None)
	if cerr != nil {
		return nil, &reSyntaxError{"pattern not supported by the regexp2 engine: " + cerr.Error(), 0}
	}
	re.MatchTimeout = reMatchTimeout
	prog = &reProgram{re: re, tr: tr}
	reCache.Lock()
	if reCache.m == nil || len(reCache.m) >= reCacheMax {
		reCache.m = map[string]*reProgram{}
	}
	reCache.m[string(key)] = prog
	reCache.Unlock()
	return prog, nil
}

// encodeMP is the binary of a compiled pattern.
func encodeMP(src []byte, f reFlags) []byte {
	b := append([]byte(nil), reMagic...)
	b = binary.BigEndian.AppendUint32(b, uint32(f&^reRunFlags))
	return append(b, src...)
}

// decodeMP reads an {re_pattern, …} tuple made by compile.
func decodeMP(h *term.Heap, t term.Term) (src []byte, f reFlags, ok bool) {
	if !h.IsTaggedTuple(t, 5, atomRePattern) {
		return nil, 0, false
	}
	b, ok := binaryArg(h, h.TupleElems(t)[4])
	if !ok || len(b) < len(reMagic)+4 || !bytes.HasPrefix(b, reMagic) {
		return nil, 0, false
	}
	f = reFlags(binary.BigEndian.Uint32(b[len(reMagic):])) &^ reRunFlags
	return b[len(reMagic)+4:], f, true
}

func isMP(h *term.Heap, t term.Term) bool { return h.IsTaggedTuple(t, 5, atomRePattern) }

// reText flattens a subject, pattern or replacement: UTF-8 of character
// data in unicode mode, else the bytes of iodata.
func reText(h *term.Heap, t term.Term, unicode bool) ([]byte, bool) {
	if h.IsBinary(t) {
		return h.BinaryBytes(t)
	}
	if !unicode {
		return iodataBytes(h, t)
	}
	var out []byte
	var walk func(t term.Term) bool
	walk = func(t term.Term) bool {
		for t.IsCons() {
			hd, tl := h.HeadTail(t)
			switch {
			case hd.IsSmall():
				if !isChar(hd.Small()) {
					return false
				}
				out = utf8.AppendRune(out, rune(hd.Small()))
			case h.IsBinary(hd):
				b, _ := h.BinaryBytes(hd)
				out = append(out, b...)
			case hd.IsList():
				if !walk(hd) {
					return false
				}
			default:
				return false
			}
			t = tl
		}
		if h.IsBinary(t) {
			b, _ := h.BinaryBytes(t)
			out = append(out, b...)
			return true
		}
		return t == term.Nil
	}
	if !t.IsList() || !walk(t) {
		return nil, false
	}
	return out, true
}

func reCompile(p *Process, args []term.Term) term.Term {
	h := p.heap
	var f reFlags
	if len(args) == 2 {
		opts, ok := h.ListToSlice(args[1])
		if !ok {
			return p.Badarg()
		}
		for _, o := range opts {
			if !parseCompileOption(h, o, &f) {
				return p.Badarg()
			}
		}
	}
	src, ok := reText(h, args[0], f&reUnicode != 0)
	if !ok {
		return p.Badarg()
	}
	prog, err := reCompileSource(src, f)
	if err != nil {
		return h.Tuple(term.AtomError, h.Tuple(charList(h, err.msg), term.MakeSmall(int64(err.pos))))
	}
	return h.Tuple(term.AtomOk, makeMP(h, src, prog.tr.flags, prog.tr.groups))
}

func makeMP(h *term.Heap, src []byte, f reFlags, groups int) term.Term {
	bit := func(b bool) term.Term {
		if b {
			return term.MakeSmall(1)
		}
		return term.MakeSmall(0)
	}
	// The flags after the pattern's leading (*VERB)s decide Unicode and
	// UseCRLF; the stored ones are the options, which the source re-applies.
	return h.Tuple(atomRePattern, term.MakeSmall(int64(groups)), bit(f&reUnicode != 0), bit(f.usesCRLF()),
		h.MakeBinary(encodeMP(src, f)))
}

// parseCompileOption adds a compile option's flag.
func parseCompileOption(h *term.Heap, o term.Term, f *reFlags) bool {
	if bit, ok := reCompileOptions[o]; ok {
		if o == atomBSRUnicode {
			*f &^= reBSRAnyCRLF
		}
		*f |= bit
		return true
	}
	if h.IsTaggedTuple(o, 2, atomNewline) {
		nl, ok := reNewlineNames[h.TupleElems(o)[1]]
		if ok {
			*f = f.withNewline(nl)
		}
		return ok
	}
	return false
}

// reCaptureKind is what {capture, ValueSpec} selects.
type reCaptureKind uint8

const (
	capAll reCaptureKind = iota
	capAllButFirst
	capFirst
	capNone
	capAllNames
	capList
)

// reRunOptions are the options of one run.
type reRunOptions struct {
	compile      reFlags // compile options given with an uncompiled pattern
	run          reFlags // notbol, noteol
	newline      *reNewline
	bsr          *bool
	anchored     bool
	global       bool
	notempty     bool
	notemptyAtSt bool
	offset       int
	capKind      reCaptureKind
	capList      []term.Term
	capType      term.Term // atomIndex, atomListAtom or atomBinaryAtom
	reportErrors bool
}

func parseRunOptions(h *term.Heap, list term.Term) (o reRunOptions, ok bool) {
	opts, ok := h.ListToSlice(list)
	if !ok {
		return o, false
	}
	return parseRunOptionList(h, opts)
}

func parseRunOptionList(h *term.Heap, opts []term.Term) (o reRunOptions, ok bool) {
	o.capType = atomIndex
	for _, t := range opts {
		switch {
		case t == atomGlobal:
			o.global = true
		case t == atomNotbol:
			o.run |= reNotBOL
		case t == atomNoteol:
			o.run |= reNotEOL
		case t == atomNotempty:
			o.notempty = true
		case t == atomNotemptyAtst:
			o.notemptyAtSt = true
		case t == atomReportErrors:
			o.reportErrors = true
		case t == atomAnchored:
			o.anchored = true
		case t == atomBSRAnyCRLF || t == atomBSRUnicode:
			b := t == atomBSRAnyCRLF
			o.bsr = &b
		case h.IsTaggedTuple(t, 2, atomOffset):
			n, ok := smallArg(h.TupleElems(t)[1])
			if !ok || n < 0 {
				return o, false
			}
			o.offset = int(n)
		case h.IsTaggedTuple(t, 2, atomNewline):
			nl, ok := reNewlineNames[h.TupleElems(t)[1]]
			if !ok {
				return o, false
			}
			o.newline = &nl
		case h.IsTaggedTuple(t, 2, atomMatchLimit) || h.IsTaggedTuple(t, 2, atomMatchLimitRec):
			// The engine has no such limits; the options are accepted.
			if n, ok := smallArg(h.TupleElems(t)[1]); !ok || n < 0 {
				return o, false
			}
		case h.IsTaggedTuple(t, 2, atomCapture) || h.IsTaggedTuple(t, 3, atomCapture):
			e := h.TupleElems(t)
			if len(e) == 3 {
				if e[2] != atomIndex && e[2] != atomListAtom && e[2] != atomBinaryAtom {
					return o, false
				}
				o.capType = e[2]
			}
			switch e[1] {
			case atomAllAtom:
				o.capKind = capAll
			case atomAllButFirst:
				o.capKind = capAllButFirst
			case atomFirst:
				o.capKind = capFirst
			case atomNoneAtom:
				o.capKind = capNone
			case atomAllNames:
				o.capKind = capAllNames
			default:
				items, ok := h.ListToSlice(e[1])
				if !ok {
					return o, false
				}
				for _, it := range items {
					if it.IsSmall() && it.Small() < 0 || !it.IsSmall() && !it.IsAtom() && !h.IsBinary(it) && !it.IsList() {
						return o, false
					}
				}
				o.capKind, o.capList = capList, items
				if len(items) == 0 {
					o.capKind = capNone
				}
			}
		default:
			if !parseCompileOption(h, t, &o.compile) {
				return o, false
			}
		}
	}
	return o, true
}

// reSpan is a group's match in bytes; start -1 when the group is unset.
type reSpan struct{ start, length int }

// reSubject is a flattened subject and its characters.
type reSubject struct {
	bytes   []byte
	runes   []rune
	offs    []int // byte offset of each rune and of the end (unicode only)
	unicode bool
}

func newReSubject(b []byte, unicode bool) (*reSubject, bool) {
	s := &reSubject{bytes: b, unicode: unicode}
	if unicode {
		s.runes = make([]rune, 0, len(b))
		s.offs = make([]int, 0, len(b)+1)
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				return nil, false
			}
			s.runes = append(s.runes, r)
			s.offs = append(s.offs, i)
			i += n
		}
		s.offs = append(s.offs, len(b))
		return s, true
	}
	s.runes = make([]rune, len(b))
	for i, c := range b {
		s.runes[i] = rune(c)
	}
	return s, true
}

func (s *reSubject) byteOff(i int) int {
	if s.offs == nil {
		return i
	}
	return s.offs[i]
}

// runeIndex converts a byte offset; ok is false inside a character.
func (s *reSubject) runeIndex(off int) (int, bool) {
	if s.offs == nil {
		return off, off <= len(s.bytes)
	}
	lo, hi := 0, len(s.offs)-1
	for lo <= hi {
		m := (lo + hi) / 2
		switch {
		case s.offs[m] == off:
			return m, true
		case s.offs[m] < off:
			lo = m + 1
		default:
			hi = m - 1
		}
	}
	return 0, false
}

// reMatcher runs one pattern over one subject.
type reMatcher struct {
	src   []byte
	flags reFlags // compile flags, with the run's newline, bsr and notbol/noteol
	prog  *reProgram
	subj  *reSubject
}

// variant is the program for extra translation flags.
func (m *reMatcher) variant(extra reFlags) (*reProgram, *reSyntaxError) {
	if extra == 0 {
		return m.prog, nil
	}
	return reCompileSource(m.src, m.flags|extra)
}

// exec finds one match at or after rune index from; anchored keeps it at
// from. It returns the spans (in runes) of group 0 and of the groups up to
// the last one set, as PCRE reports them, or nil.
func (m *reMatcher) exec(from int, anchored, notempty, notemptyAtStart bool) ([]reSpan, *reSyntaxError) {
	if notempty && anchored {
		return m.execNonEmptyAt(from)
	}
	prog := m.prog
	if anchored {
		var err *reSyntaxError
		if prog, err = m.variant(reAnchored); err != nil {
			return nil, err
		}
	}
	limit := -1
	if m.flags&reFirstline != 0 {
		limit = m.firstNewline(from)
	}
	for pos := from; pos <= len(m.subj.runes); {
		res, ferr := prog.re.FindRunesMatchStartingAt(m.subj.runes, pos)
		if ferr != nil {
			return nil, errReMatchLimit
		}
		if res == nil {
			return nil, nil
		}
		spans := m.spans(res, prog)
		if limit >= 0 && spans[0].start > limit {
			return nil, nil
		}
		if spans[0].length > 0 || !notempty && !(notemptyAtStart && spans[0].start == from) {
			return spans, nil
		}
		// An empty match where one is not allowed: a non-empty one at
		// the same place, else look further on.
		alt, err := m.execNonEmptyAt(spans[0].start)
		if alt != nil || err != nil {
			return alt, err
		}
		if anchored {
			return nil, nil
		}
		pos = spans[0].start + 1
	}
	return nil, nil
}

// execNonEmptyAt finds a non-empty match that starts at rune index at.
func (m *reMatcher) execNonEmptyAt(at int) ([]reSpan, *reSyntaxError) {
	prog, err := m.variant(reNotEmptyAnchored)
	if err != nil {
		return nil, err
	}
	res, rerr := prog.re.FindRunesMatchStartingAt(m.subj.runes, at)
	if rerr != nil {
		return nil, errReMatchLimit
	}
	if res == nil {
		return nil, nil
	}
	return m.spans(res, prog), nil
}

// firstNewline is the rune index of the first newline at or after from,
// or the end: with firstline a match must start there or before.
func (m *reMatcher) firstNewline(from int) int {
	rs := m.subj.runes
	for i := from; i < len(rs); i++ {
		switch c := rs[i]; m.flags.newline() {
		case nlLF:
			if c == '\n' {
				return i
			}
		case nlCR:
			if c == '\r' {
				return i
			}
		case nlCRLF:
			if c == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
				return i
			}
		case nlAnyCRLF:
			if c == '\r' || c == '\n' {
				return i
			}
		case nlAny:
			if c >= '\n' && c <= '\r' || c == 0x85 || c == 0x2028 || c == 0x2029 {
				return i
			}
		}
	}
	return len(rs)
}

func (m *reMatcher) spans(res *regexp2.Match, prog *reProgram) []reSpan {
	n := prog.tr.groups
	spans := make([]reSpan, 0, n+1)
	last := 0
	for g := 0; g <= n; g++ {
		grp := res.GroupByNumber(g)
		if grp == nil || len(grp.Captures) == 0 {
			spans = append(spans, reSpan{-1, 0})
			continue
		}
		spans = append(spans, reSpan{grp.Index, grp.Length})
		last = g
	}
	if k := prog.tr.keepGroup; k > 0 {
		if grp := res.GroupByNumber(k); grp != nil && len(grp.Captures) > 0 {
			end := spans[0].start + spans[0].length
			spans[0] = reSpan{grp.Index, end - grp.Index}
		}
	}
	return spans[:last+1]
}

// toBytes converts rune spans to byte spans.
func (m *reMatcher) toBytes(spans []reSpan) []reSpan {
	out := make([]reSpan, len(spans))
	for i, s := range spans {
		if s.start < 0 {
			out[i] = reSpan{-1, 0}
			continue
		}
		b := m.subj.byteOff(s.start)
		out[i] = reSpan{b, m.subj.byteOff(s.start+s.length) - b}
	}
	return out
}

// forward is the rune index one character on; a CRLF counts as one when
// newlines can be CRLF, as OTP's global matching steps.
func (m *reMatcher) forward(i int) int {
	rs := m.subj.runes
	if m.flags.usesCRLF() && i+1 < len(rs) && rs[i] == '\r' && rs[i+1] == '\n' {
		return i + 2
	}
	return i + 1
}

// matchAll runs as re:run does: the first match, or with global every
// match, an empty one retried as non-empty before stepping on.
// start is the rune index of the offset option.
func (m *reMatcher) matchAll(o *reRunOptions, start int) ([][]reSpan, *reSyntaxError) {
	if !o.global {
		s, err := m.exec(start, o.anchored, o.notempty, o.notemptyAtSt)
		if s == nil || err != nil {
			return nil, err
		}
		return [][]reSpan{m.toBytes(s)}, nil
	}
	var all [][]reSpan
	for pos := start; pos <= len(m.subj.runes); {
		s, err := m.exec(pos, o.anchored, o.notempty, o.notemptyAtSt)
		if err != nil {
			return nil, err
		}
		if s == nil {
			break
		}
		all = append(all, m.toBytes(s))
		end := s[0].start + s[0].length
		if s[0].length > 0 {
			pos = end
			continue
		}
		retry, err := m.execNonEmptyAt(s[0].start)
		if err != nil {
			return nil, err
		}
		if retry != nil {
			all = append(all, m.toBytes(retry))
			pos = retry[0].start + retry[0].length
			continue
		}
		pos = m.forward(s[0].start)
	}
	return all, nil
}

// reJob is a prepared run: the matcher and the options.
type reJob struct {
	m     reMatcher
	opts  reRunOptions
	start int // where matching starts, in runes
}

// prepareRun resolves the pattern and subject of run/replace/split. A nil
// job with a nil term means badarg; a non-nil term is the compile error.
func prepareRun(p *Process, subject, re term.Term, opts reRunOptions) (*reJob, *reSyntaxError, bool) {
	h := p.heap
	var src []byte
	var f reFlags
	if isMP(h, re) {
		var ok bool
		if src, f, ok = decodeMP(h, re); !ok {
			return nil, nil, false
		}
		if opts.compile&reCompileOnly != 0 {
			return nil, nil, false
		}
		f |= opts.compile
	} else {
		f = opts.compile
		var ok bool
		if src, ok = reText(h, re, f&reUnicode != 0); !ok {
			return nil, nil, false
		}
	}
	// Leading (*UTF8) and such are part of the pattern.
	vf, _ := leadingVerbs(src, f)
	unicode := vf&reUnicode != 0
	if opts.newline != nil {
		f = f.withNewline(*opts.newline)
	}
	if opts.bsr != nil {
		f &^= reBSRAnyCRLF
		if *opts.bsr {
			f |= reBSRAnyCRLF
		}
	}
	f |= opts.run
	prog, err := reCompileSource(src, f)
	if err != nil {
		return nil, err, true
	}
	b, ok := reText(h, subject, unicode)
	if !ok {
		return nil, nil, false
	}
	subj, ok := newReSubject(b, unicode)
	if !ok || opts.offset > len(b) {
		return nil, nil, false
	}
	start, ok := subj.runeIndex(opts.offset)
	if !ok {
		return nil, nil, false // an offset inside a character
	}
	return &reJob{m: reMatcher{src: src, flags: prog.tr.flags, prog: prog, subj: subj}, opts: opts, start: start}, nil, true
}

func reRun(p *Process, args []term.Term) term.Term {
	h := p.heap
	opts := reRunOptions{capType: atomIndex}
	if len(args) == 3 {
		var ok bool
		if opts, ok = parseRunOptions(h, args[2]); !ok {
			return p.Badarg()
		}
	}
	job, cerr, ok := prepareRun(p, args[0], args[1], opts)
	if !ok {
		return p.Badarg()
	}
	if cerr != nil {
		if !opts.reportErrors {
			return p.Badarg()
		}
		return h.Tuple(term.AtomError, h.Tuple(atomCompile, h.Tuple(charList(h, cerr.msg), term.MakeSmall(int64(cerr.pos)))))
	}
	matches, err := job.m.matchAll(&job.opts, job.start)
	switch {
	case err == errReMatchLimit && opts.reportErrors:
		return h.Tuple(term.AtomError, atomMatchLimit)
	case err != nil && err != errReMatchLimit:
		return p.Badarg()
	case len(matches) == 0:
		return atomNomatch
	}
	sel, selected := job.selection(h)
	if !selected {
		return atomMatch
	}
	conv := make([]term.Term, len(matches))
	for i, spans := range matches {
		conv[i] = job.captured(h, spans, sel)
	}
	if opts.global {
		return h.Tuple(atomMatch, h.List(conv...))
	}
	return h.Tuple(atomMatch, conv[0])
}

// selection is the group numbers to report (nil: all groups PCRE set,
// -1 entries: no such group); selected is false for a plain match.
func (j *reJob) selection(h *term.Heap) (sel []int, selected bool) {
	tr := j.m.prog.tr
	switch j.opts.capKind {
	case capNone:
		return nil, false
	case capFirst:
		return []int{0}, true
	case capAllNames:
		if len(tr.names) == 0 {
			return nil, false
		}
		for _, n := range tr.names {
			sel = append(sel, n.num)
		}
		return sel, true
	case capList:
		for _, it := range j.opts.capList {
			sel = append(sel, j.groupNumber(h, it))
		}
		return sel, true
	}
	return nil, true
}

// groupNumber resolves a capture list item: a number, or a name as an
// atom, a string or a binary (-1 when there is no such group).
func (j *reJob) groupNumber(h *term.Heap, it term.Term) int {
	tr := j.m.prog.tr
	if it.IsSmall() {
		if int(it.Small()) > tr.groups {
			return -1
		}
		return int(it.Small())
	}
	var name string
	switch {
	case it.IsAtom():
		name = term.AtomName(it)
	case h.IsBinary(it):
		b, _ := h.BinaryBytes(it)
		name = string(b)
	default:
		s, ok := charListString(h, it)
		if !ok {
			return -1
		}
		name = s
	}
	for _, n := range tr.names {
		if n.name == name {
			return n.num
		}
	}
	return -1
}

// captured converts one match as the capture options say.
func (j *reJob) captured(h *term.Heap, spans []reSpan, sel []int) term.Term {
	var picked []reSpan
	switch {
	case sel == nil && j.opts.capKind == capAllButFirst:
		picked = spans[1:]
	case sel == nil:
		picked = spans
	default:
		for _, g := range sel {
			if g < 0 || g >= len(spans) {
				picked = append(picked, reSpan{-1, 0})
				continue
			}
			picked = append(picked, spans[g])
		}
	}
	out := make([]term.Term, len(picked))
	for i, s := range picked {
		out[i] = j.convert(h, s)
	}
	return h.List(out...)
}

// convert is one group's value: {Offset, Length}, a binary or a list.
func (j *reJob) convert(h *term.Heap, s reSpan) term.Term {
	b := j.m.subj.bytes
	switch j.opts.capType {
	case atomBinaryAtom:
		if s.start < 0 {
			return h.MakeBinary(nil)
		}
		return h.MakeBinary(b[s.start : s.start+s.length])
	case atomListAtom:
		if s.length == 0 {
			return term.Nil
		}
		part := b[s.start : s.start+s.length]
		if j.m.subj.unicode {
			return charList(h, string(part))
		}
		return byteList(h, part, term.Nil)
	}
	return h.Tuple(term.MakeSmall(int64(s.start)), term.MakeSmall(int64(s.length)))
}

func reInspect(p *Process, args []term.Term) term.Term {
	h := p.heap
	src, f, ok := decodeMP(h, args[0])
	if !ok || args[1] != atomNamelist {
		return p.Badarg()
	}
	prog, err := reCompileSource(src, f)
	if err != nil {
		return p.Badarg()
	}
	names := make([]term.Term, len(prog.tr.names))
	for i, n := range prog.tr.names {
		names[i] = h.MakeBinary([]byte(n.name))
	}
	return h.Tuple(atomNamelist, h.List(names...))
}
