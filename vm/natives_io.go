package vm

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/internal/format"
	"github.com/avmtool/avm/vm/term"
)

// io_lib in Go (the formatter is package format), and the device side of
// io: the Erlang module io (vm/stdlib/io.erl) calls the avm_io natives
// below, which write to the Machine's stdout or stderr, or read its stdin,
// when the device is the console, and otherwise answer {server, Pid} so
// that io.erl speaks the I/O protocol with that process.
//
// The console behaves as OTP 25's standard_io under `erl -noshell`: its
// encoding is latin1, so characters up to 255 are written as one byte each
// and larger ones as \x{HEX}, and input bytes are read as Latin-1
// characters, until io:setopts([{encoding, unicode}]) makes it UTF-8.

func init() {
	register("io_lib",
		Native{Function: "format", Arity: 2, Fn: ioLibFormat, Doc: "the characters of Format with its control sequences replaced by Data"},
		Native{Function: "fwrite", Arity: 2, Fn: ioLibFormat, Doc: "same as format/2"},
		Native{Function: "format", Arity: 3, Fn: ioLibFormat, Doc: "format/2 with options: {chars_limit, N} cuts terms and strings short"},
		Native{Function: "fwrite", Arity: 3, Fn: ioLibFormat, Doc: "same as format/3"},
		Native{Function: "write", Arity: 1, Fn: ioLibWrite, Doc: "the characters of a term as ~w writes it"},
		Native{Function: "write", Arity: 2, Fn: ioLibWrite, Doc: "write/1 with a depth limit, or options depth and encoding"},
		Native{Function: "print", Arity: 1, Fn: ioLibPrint, Doc: "the characters of a term as ~p prints it"},
		Native{Function: "print", Arity: 4, Fn: ioLibPrint, Doc: "print/1 from Column, within LineLength, to Depth"},
		Native{Function: "write_binary", Arity: 3, Fn: ioLibWriteBinary, Doc: "{Chars, Rest}: a bitstring written as bytes to a depth and within about T characters, and the bits left out"},
		Native{Function: "write_atom", Arity: 1, Fn: ioLibWriteAtom(true), Doc: "an atom's characters, quoted when needed"},
		Native{Function: "write_atom_as_latin1", Arity: 1, Fn: ioLibWriteAtom(false), Doc: "write_atom/1 with characters above 255 escaped"},
		Native{Function: "quote_atom", Arity: 2, Fn: ioLibQuoteAtom, Doc: "true if the atom must be quoted"},
		Native{Function: "write_string", Arity: 1, Fn: ioLibWriteString(format.EscUnicode), Doc: "a string as a quoted, escaped string literal"},
		Native{Function: "write_string", Arity: 2, Fn: ioLibWriteString(format.EscUnicode), Doc: "write_string/1 with the quote character given"},
		Native{Function: "write_latin1_string", Arity: 1, Fn: ioLibWriteString(format.EscLatin1), Doc: "write_string/1 of a Latin-1 string"},
		Native{Function: "write_latin1_string", Arity: 2, Fn: ioLibWriteString(format.EscLatin1), Doc: "write_latin1_string/1 with the quote character given"},
		Native{Function: "write_string_as_latin1", Arity: 1, Fn: ioLibWriteString(format.EscUnicodeAsLatin1), Doc: "write_string/1 with characters above 255 escaped"},
		Native{Function: "write_string_as_latin1", Arity: 2, Fn: ioLibWriteString(format.EscUnicodeAsLatin1), Doc: "write_string_as_latin1/1 with the quote character given"},
		Native{Function: "write_char", Arity: 1, Fn: ioLibWriteChar(format.EscUnicode), Doc: "a character as a $c literal"},
		Native{Function: "write_latin1_char", Arity: 1, Fn: ioLibWriteChar(format.EscLatin1), Doc: "a Latin-1 character as a $c literal"},
		Native{Function: "write_char_as_latin1", Arity: 1, Fn: ioLibWriteChar(format.EscUnicodeAsLatin1), Doc: "write_char/1 with characters above 255 escaped"},
		Native{Function: "printable_list", Arity: 1, Fn: ioLibPrintableLatin1, Doc: "true if a flat list of printable characters (the printable range is latin1)"},
		Native{Function: "printable_latin1_list", Arity: 1, Fn: ioLibPrintableLatin1, Doc: "true if a flat list of printable Latin-1 characters"},
		Native{Function: "printable_unicode_list", Arity: 1, Fn: ioLibPrintableUnicode, Doc: "true if a flat list of printable Unicode characters"},
		Native{Function: "char_list", Arity: 1, Fn: ioLibCharList(false, false), Doc: "true if a flat list of Unicode characters"},
		Native{Function: "latin1_char_list", Arity: 1, Fn: ioLibCharList(true, false), Doc: "true if a flat list of Latin-1 characters"},
		Native{Function: "deep_char_list", Arity: 1, Fn: ioLibCharList(false, true), Doc: "true if a deep list of Unicode characters"},
		Native{Function: "deep_latin1_char_list", Arity: 1, Fn: ioLibCharList(true, true), Doc: "true if a deep list of Latin-1 characters"},
		Native{Function: "deep_unicode_char_list", Arity: 1, Fn: ioLibCharList(false, true), Doc: "same as deep_char_list/1"},
		Native{Function: "chars_length", Arity: 1, Fn: ioLibCharsLength, Doc: "the number of characters in a deep character list"},
		Native{Function: "nl", Arity: 0, Fn: ioLibNl, Doc: "the characters of a newline: \"\\n\""},
		Native{Function: "indentation", Arity: 2, Fn: ioLibIndentation, Doc: "the column after Chars when they start at column Current"},
	)
	register("avm_io",
		Native{Function: "format", Arity: 3, Fn: avmIOFormat, Doc: "io:format/3 on the console: ok, {server, Pid} or {error, Reason}"},
		Native{Function: "put_chars", Arity: 2, Fn: avmIOPutChars, Doc: "io:put_chars/2 on the console: ok, {server, Pid} or {error, Reason}"},
		Native{Function: "get_line", Arity: 2, Fn: avmIOGetLine, Doc: "io:get_line/2 on the console: the line, eof, {server, Pid} or {error, Reason}"},
		Native{Function: "get_chars", Arity: 3, Fn: avmIOGetChars, Doc: "io:get_chars/3 on the console: the characters, eof, {server, Pid} or {error, Reason}"},
		Native{Function: "getopts", Arity: 1, Fn: avmIOGetopts, Doc: "io:getopts/1 on the console: the options, {server, Pid} or {error, Reason}"},
		Native{Function: "setopts", Arity: 2, Fn: avmIOSetopts, Doc: "io:setopts/2 on the console: ok, {server, Pid} or {error, Reason}"},
	)
}

// textList builds a flat list of characters on the heap.
func textList(h *term.Heap, t format.Text) term.Term {
	h.Reserve(2 * len(t))
	l := term.Nil
	for i := len(t) - 1; i >= 0; i-- {
		l = h.Cons(term.MakeSmall(int64(t[i])), l)
	}
	return l
}

// textBufs recycles the Go-side text of formatting natives, which is
// copied to the process heap as a list (a free list rather than a
// sync.Pool, which every garbage collection empties).
var textBufs = make(chan format.Text, 8)

// formatText runs io_lib:format into a recycled buffer and hands it to
// use. limit is the chars_limit option (-1: none).
func formatText(h *term.Heap, f, args term.Term, limit int, use func(format.Text)) error {
	var buf format.Text
	select {
	case buf = <-textBufs:
	default:
	}
	out, err := format.FormatLimit(buf[:0], h, f, args, limit)
	if err == nil {
		use(out)
	}
	if cap(out) <= 1<<16 {
		select {
		case textBufs <- out:
		default:
		}
	}
	return err
}

// ioLibFormat is io_lib:format/2,3 and fwrite/2,3.
func ioLibFormat(p *Process, args []term.Term) term.Term {
	limit := -1
	if len(args) == 3 {
		opts, ok := p.heap.ListToSlice(args[2])
		if !ok {
			return p.Badarg()
		}
		if v, found := option(p.heap, opts, atomCharsLim); found {
			if !v.IsSmall() {
				return p.Badarg()
			}
			limit = int(max(v.Small(), -1))
		}
	}
	var r term.Term
	if err := formatText(p.heap, args[0], args[1], limit, func(t format.Text) { r = textList(p.heap, t) }); err != nil {
		return p.Badarg()
	}
	return r
}

// option is the value of the first {key, Value} in an option list.
func option(h *term.Heap, opts []term.Term, key term.Term) (term.Term, bool) {
	for _, o := range opts {
		if h.IsTuple(o) && h.TupleSize(o) == 2 && h.TupleElems(o)[0] == key {
			return h.TupleElems(o)[1], true
		}
	}
	return term.NoValue, false
}

var (
	atomIODepth    = term.Atom("depth")
	atomIOEncoding = term.Atom("encoding")
	atomLatin1     = term.Atom("latin1")
	atomUnicode    = term.Atom("unicode")
	atomUTF8       = term.Atom("utf8")
	atomCharsLim   = term.Atom("chars_limit")
	atomServer     = term.Atom("server")
	atomEOF        = term.Atom("eof")
)

// ioLibWrite is io_lib:write/1,2: write/2 takes a depth or an option list
// (depth, encoding, chars_limit).
func ioLibWrite(p *Process, args []term.Term) term.Term {
	h := p.heap
	depth, limit, unicode := -1, -1, false
	if len(args) == 2 {
		switch o := args[1]; {
		case o.IsSmall():
			depth = int(o.Small())
		case o.IsList():
			opts, ok := h.ListToSlice(o)
			if !ok {
				return p.Error(term.AtomFunctionClause)
			}
			if v, found := option(h, opts, atomIODepth); found {
				if !v.IsSmall() {
					return p.Badarg()
				}
				depth = int(v.Small())
			}
			if v, found := option(h, opts, atomCharsLim); found {
				if !v.IsSmall() {
					return p.Badarg()
				}
				limit = int(max(v.Small(), -1))
			}
			// The default encoding is epp's default source encoding, utf8.
			enc, found := option(h, opts, atomIOEncoding)
			unicode = !found || enc != atomLatin1
		default:
			return p.Error(term.AtomFunctionClause)
		}
	}
	var out format.Text
	switch {
	case depth == 0 || limit == 0:
		out = format.Text("...")
	case limit > 0:
		out = format.WriteLimited(nil, h, args[0], depth, limit, unicode)
	default:
		out = format.AppendWrite(nil, h, args[0], depth, unicode)
	}
	return textList(h, out)
}

func ioLibPrint(p *Process, args []term.Term) term.Term {
	col, ll, depth := 1, 80, -1
	if len(args) == 4 {
		for _, a := range args[1:] {
			if !a.IsSmall() {
				return p.Error(term.AtomFunctionClause)
			}
		}
		col, ll, depth = int(args[1].Small()), int(args[2].Small()), int(args[3].Small())
	}
	return textList(p.heap, format.Print(nil, p.heap, args[0], col, ll, depth, -1, false, true))
}

func ioLibWriteBinary(p *Process, args []term.Term) term.Term {
	h := p.heap
	b, d, t := args[0], args[1], args[2]
	if !h.IsBitstring(b) || !d.IsSmall() || !t.IsSmall() {
		return p.Error(term.AtomFunctionClause)
	}
	text, rest := format.WriteBinary(nil, h, b, int(d.Small()), int(t.Small()))
	return h.Tuple(textList(h, text), rest)
}

// ioLibWriteAtom is write_atom/1 (unicode) or write_atom_as_latin1/1.
func ioLibWriteAtom(unicode bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		if !args[0].IsAtom() {
			return p.Error(term.AtomFunctionClause)
		}
		return textList(p.heap, format.AppendAtom(nil, term.AtomName(args[0]), unicode))
	}
}

func ioLibQuoteAtom(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Error(term.AtomFunctionClause)
	}
	return term.Bool(format.QuoteAtom(term.AtomName(args[0])))
}

// ioLibWriteString is the write_string family: write_string/1,2 (esc
// EscUnicode), write_latin1_string/1,2 and write_string_as_latin1/1,2.
func ioLibWriteString(esc format.Escape) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		s, ok := format.ListRunes(p.heap, args[0])
		if !ok {
			return p.Error(term.AtomFunctionClause)
		}
		q := rune('"')
		if len(args) == 2 {
			if !args[1].IsSmall() {
				return p.Error(term.AtomFunctionClause)
			}
			q = rune(args[1].Small())
		}
		if esc == format.EscLatin1 {
			for _, c := range s {
				if c > 255 {
					return p.Error(term.AtomFunctionClause)
				}
			}
		}
		return textList(p.heap, format.AppendQuoted(nil, s, q, esc))
	}
}

// ioLibWriteChar is write_char/1 (esc EscUnicode), write_latin1_char/1 and
// write_char_as_latin1/1.
func ioLibWriteChar(esc format.Escape) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		c := args[0]
		if !c.IsSmall() || c.Small() < 0 || c.Small() > 0x7FFFFFFF || esc == format.EscLatin1 && c.Small() > 255 {
			return p.Error(term.AtomFunctionClause)
		}
		return textList(p.heap, format.AppendChar(nil, rune(c.Small()), esc))
	}
}

func ioLibPrintableLatin1(p *Process, args []term.Term) term.Term {
	return term.Bool(format.PrintableLatin1List(p.heap, args[0]))
}

func ioLibPrintableUnicode(p *Process, args []term.Term) term.Term {
	return term.Bool(format.PrintableUnicodeList(p.heap, args[0]))
}

// ioLibCharList is the family of character list predicates: flat or deep,
// Latin-1 or Unicode characters.
func ioLibCharList(latin1, deep bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		return term.Bool(isCharList(p.heap, args[0], latin1, deep))
	}
}

func isCharList(h *term.Heap, t term.Term, latin1, deep bool) bool {
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		switch {
		case hd.IsSmall():
			c := hd.Small()
			if latin1 && (c < 0 || c > 255) || !latin1 && !format.ValidChar(c) {
				return false
			}
		case deep && hd.IsList():
			if !isCharList(h, hd, latin1, deep) {
				return false
			}
		default:
			return false
		}
		t = tl
	}
	return t == term.Nil
}

// ioLibCharsLength counts the characters of a deep list of characters
// (and binaries, counted in bytes).
func ioLibCharsLength(p *Process, args []term.Term) term.Term {
	t, ok := format.AppendCharData(nil, p.heap, args[0], true)
	if !ok {
		return p.Error(term.AtomFunctionClause)
	}
	return term.MakeSmall(int64(len(t)))
}

func ioLibNl(p *Process, args []term.Term) term.Term {
	return p.heap.Cons(term.MakeSmall('\n'), term.Nil)
}

func ioLibIndentation(p *Process, args []term.Term) term.Term {
	t, ok := format.AppendCharData(nil, p.heap, args[0], true)
	if !ok || !args[1].IsSmall() {
		return p.Error(term.AtomFunctionClause)
	}
	return term.MakeSmall(int64(format.Indentation(t, int(args[1].Small()))))
}

// The devices.

var (
	atomStandardIO    = term.Atom("standard_io")
	atomStandardError = term.Atom("standard_error")
	atomUser          = term.Atom("user")
	atomArguments     = term.Atom("arguments")
	atomCallingSelf   = term.Atom("calling_self")
	atomTerminated    = term.Atom("terminated")
	atomFormat        = term.Atom("format")
)

// console is the state of the Machine's standard streams.
type console struct {
	once     sync.Once
	readMu   sync.Mutex
	in       *bufio.Reader
	out, err stream
}

// stream is the io options of one console stream.
type stream struct {
	w       io.Writer
	std     bool        // standard_io (stdout and stdin), not standard_error
	unicode atomic.Bool // encoding unicode, else latin1
	binary  atomic.Bool // input is returned as binaries
}

func (m *Machine) streams() *console {
	c := &m.console
	c.once.Do(func() {
		c.in = bufio.NewReader(m.opts.Stdin)
		c.out.w, c.out.std = m.opts.Stdout, true
		c.err.w = m.opts.Stderr
	})
	return c
}

// device resolves an io device: a console stream or, with s nil, the pid
// of an I/O server, or an error reason as io returns it.
func (p *Process) device(dev term.Term) (s *stream, server term.Term, reason term.Term) {
	c := p.m.streams()
	viaLeader := false
	switch dev {
	case atomStandardIO:
		dev, viaLeader = term.MakePid(p.groupLeader.Load()), true
	case atomStandardError:
		return &c.err, term.NoValue, term.NoValue
	case atomUser:
		return &c.out, term.NoValue, term.NoValue
	}
	if dev.IsAtom() {
		p.m.procMu.RLock()
		q := p.m.names[dev]
		p.m.procMu.RUnlock()
		if q == nil {
			return nil, term.NoValue, atomArguments
		}
		dev = q.Pid()
	}
	if !dev.IsPid() {
		return nil, term.NoValue, atomArguments
	}
	// The first process is its own group leader: the console's.
	if dev == p.Pid() && !(viaLeader && p == p.m.main) {
		return nil, term.NoValue, atomCallingSelf
	}
	q := p.m.process(dev.PidID())
	switch {
	case q == nil:
		return nil, term.NoValue, atomTerminated
	case q == p.m.main:
		// The first process is the group leader of every process that
		// has not been given another: the console.
		return &c.out, term.NoValue, term.NoValue
	}
	return nil, dev, term.NoValue
}

// deviceResult is what the avm_io natives answer when they do not handle
// the request themselves.
func (p *Process) deviceResult(server, reason term.Term) term.Term {
	if reason != term.NoValue {
		return p.heap.Tuple(term.AtomError, reason)
	}
	return p.heap.Tuple(atomServer, server)
}

// write writes characters to a console stream in its encoding.
func (s *stream) write(t format.Text) {
	buf := make([]byte, 0, len(t))
	if s.unicode.Load() {
		for _, c := range t {
			buf = utf8.AppendRune(buf, c)
		}
		s.w.Write(buf)
		return
	}
	for _, c := range t {
		if c >= 0 && c <= 255 {
			buf = append(buf, byte(c))
			continue
		}
		buf = append(buf, `\x{`...)
		buf = append(buf, strings.ToUpper(strconv.FormatInt(int64(c), 16))...)
		buf = append(buf, '}')
	}
	s.w.Write(buf)
}

func avmIOFormat(p *Process, args []term.Term) term.Term {
	s, server, reason := p.device(args[0])
	if s == nil {
		return p.deviceResult(server, reason)
	}
	if err := formatText(p.heap, args[1], args[2], -1, s.write); err != nil {
		return p.heap.Tuple(term.AtomError, atomFormat)
	}
	return term.AtomOk
}

func avmIOPutChars(p *Process, args []term.Term) term.Term {
	s, server, reason := p.device(args[0])
	if s == nil {
		return p.deviceResult(server, reason)
	}
	out, ok := format.AppendCharData(nil, p.heap, args[1], true)
	if !ok {
		return p.heap.Tuple(term.AtomError, atomFormat)
	}
	s.write(out)
	return term.AtomOk
}

// prompt writes an input prompt (characters, an atom or a term printed
// with ~p, as io_lib:format_prompt does).
func (p *Process) prompt(s *stream, t term.Term) {
	h := p.heap
	var out format.Text
	switch {
	case t.IsAtom():
		out = format.Text(term.AtomName(t))
	default:
		var ok bool
		if out, ok = format.AppendCharData(nil, h, t, true); !ok {
			out = format.Print(nil, h, t, 1, 80, -1, -1, false, true)
		}
	}
	s.write(out)
}

// avmIOGetLine reads a line from the console, with its newline; eof at the
// end of input. It blocks the scheduler that runs the process until the
// line is complete.
func avmIOGetLine(p *Process, args []term.Term) term.Term {
	s, server, reason := p.device(args[0])
	if s == nil {
		return p.deviceResult(server, reason)
	}
	p.prompt(s, args[1])
	c := p.m.streams()
	c.readMu.Lock()
	line, err := c.in.ReadBytes('\n')
	c.readMu.Unlock()
	if len(line) == 0 && err != nil {
		return atomEOF
	}
	return p.m.streams().out.input(p.heap, line)
}

// avmIOGetChars reads N characters from the console, fewer at the end of
// input, eof when there are none.
func avmIOGetChars(p *Process, args []term.Term) term.Term {
	s, server, reason := p.device(args[0])
	if s == nil {
		return p.deviceResult(server, reason)
	}
	n := args[2]
	if !n.IsSmall() || n.Small() < 0 || n.Small() > maxRead {
		return p.heap.Tuple(term.AtomError, atomArguments)
	}
	p.prompt(s, args[1])
	c := p.m.streams()
	in := &c.out
	c.readMu.Lock()
	var buf []byte
	for k := int64(0); k < n.Small(); k++ {
		if in.unicode.Load() {
			r, size, err := c.in.ReadRune()
			if err != nil {
				break
			}
			if r == utf8.RuneError && size == 1 {
				c.in.UnreadRune()
				b, _ := c.in.ReadByte()
				buf = append(buf, b)
				continue
			}
			buf = utf8.AppendRune(buf, r)
			continue
		}
		b, err := c.in.ReadByte()
		if err != nil {
			break
		}
		buf = append(buf, b)
	}
	c.readMu.Unlock()
	if len(buf) == 0 && n.Small() > 0 {
		return atomEOF
	}
	return in.input(p.heap, buf)
}

// maxRead bounds the characters one get_chars call reads.
const maxRead = 1 << 24

// input makes the result of a read: a binary, or a list of characters
// (bytes in latin1, UTF-8 characters in unicode).
func (s *stream) input(h *term.Heap, b []byte) term.Term {
	if s.binary.Load() {
		return h.MakeBinary(b)
	}
	if s.unicode.Load() && utf8.Valid(b) {
		var rs format.Text
		for _, c := range string(b) {
			rs = append(rs, c)
		}
		return textList(h, rs)
	}
	h.Reserve(2 * len(b))
	l := term.Nil
	for i := len(b) - 1; i >= 0; i-- {
		l = h.Cons(term.MakeSmall(int64(b[i])), l)
	}
	return l
}

// avmIOGetopts is io:getopts/1: binary and encoding for standard_io,
// encoding for standard_error.
func avmIOGetopts(p *Process, args []term.Term) term.Term {
	s, server, reason := p.device(args[0])
	if s == nil {
		return p.deviceResult(server, reason)
	}
	h := p.heap
	enc := h.Tuple(atomIOEncoding, atomLatin1)
	if s.unicode.Load() {
		enc = h.Tuple(atomIOEncoding, atomUnicode)
	}
	if !s.std {
		return h.List(enc)
	}
	return h.List(h.Tuple(atomBinary, term.Bool(s.binary.Load())), enc)
}

// avmIOSetopts is io:setopts/2: {encoding, latin1 | unicode | utf8} and,
// for standard_io, {binary, Bool}, binary and list; {error, enotsup} for
// anything else.
func avmIOSetopts(p *Process, args []term.Term) term.Term {
	s, server, reason := p.device(args[0])
	if s == nil {
		return p.deviceResult(server, reason)
	}
	h := p.heap
	enotsup := h.Tuple(term.AtomError, term.Atom("enotsup"))
	opts, ok := h.ListToSlice(args[1])
	if !ok {
		return enotsup
	}
	unicode, binary := s.unicode.Load(), s.binary.Load()
	for _, o := range opts {
		switch {
		case s.std && o == atomBinary:
			binary = true
		case s.std && o == term.Atom("list"):
			binary = false
		case h.IsTuple(o) && h.TupleSize(o) == 2:
			kv := h.TupleElems(o)
			switch {
			case kv[0] == atomIOEncoding && kv[1] == atomLatin1:
				unicode = false
			case kv[0] == atomIOEncoding && (kv[1] == atomUnicode || kv[1] == atomUTF8):
				unicode = true
			case s.std && kv[0] == atomBinary && kv[1].IsBoolean():
				binary = kv[1] == term.True
			default:
				return enotsup
			}
		default:
			return enotsup
		}
	}
	s.unicode.Store(unicode)
	s.binary.Store(binary)
	return term.AtomOk
}
