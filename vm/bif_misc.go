package vm

import (
	"crypto/md5"
	"hash/crc32"
	"io"
	"math/big"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/avmtool/avm/vm/internal/numtext"
	"github.com/avmtool/avm/vm/term"
)

// Exceptions, node, references, unique integers, time, checksums and
// erlang:display.

var (
	amPositive    = term.Atom("positive")
	amMonotonic   = term.Atom("monotonic")
	amSecond      = term.Atom("second")
	amMillisecond = term.Atom("millisecond")
	amMicrosecond = term.Atom("microsecond")
	amNanosecond  = term.Atom("nanosecond")
	amPerfCounter = term.Atom("perf_counter")
	amSeconds     = term.Atom("seconds")
	amMilliSecs   = term.Atom("milli_seconds")
	amMicroSecs   = term.Atom("micro_seconds")
	amNanoSecs    = term.Atom("nano_seconds")
	amVisible     = term.Atom("visible")
	amHidden      = term.Atom("hidden")
	amConnected   = term.Atom("connected")
	amThis        = term.Atom("this")
	amKnown       = term.Atom("known")
)

// Exceptions.

func bifError(p *Process, args []term.Term) term.Term { return p.Error(args[0]) }
func bifExit(p *Process, args []term.Term) term.Term  { return p.Raise(term.AtomExit, args[0]) }
func bifThrow(p *Process, args []term.Term) term.Term { return p.Raise(term.AtomThrow, args[0]) }

// bifRaise is erlang:raise(Class, Reason, Stacktrace). With a bad class or
// stacktrace it does not raise but returns the atom badarg, as OTP does.
func bifRaise(p *Process, args []term.Term) term.Term {
	class, reason, trace := args[0], args[1], args[2]
	if class != term.AtomError && class != term.AtomExit && class != term.AtomThrow ||
		!validStacktrace(p.heap, trace) {
		return term.AtomBadarg
	}
	p.Raise(class, reason)
	p.exc.trace = trace
	return term.NoValue
}

// validStacktrace checks a stacktrace as OTP's raise/3 does: a proper list
// of {Fun, Args}, {Fun, Args, Location}, {M, F, ArityOrArgs} or
// {M, F, ArityOrArgs, Location}, where M and F are atoms and Location is a
// list.
func validStacktrace(h *term.Heap, t term.Term) bool {
	for ; t.IsCons(); t = h.Tail(t) {
		fr := h.Head(t)
		if !h.IsTuple(fr) {
			return false
		}
		e := h.TupleElems(fr)
		loc := term.Nil
		switch len(e) {
		case 2:
			if !h.IsFun(e[0]) {
				return false
			}
		case 3:
			if h.IsFun(e[0]) {
				loc = e[2]
			} else if !e[0].IsAtom() || !e[1].IsAtom() {
				return false
			}
		case 4:
			if !e[0].IsAtom() || !e[1].IsAtom() {
				return false
			}
			loc = e[3]
		default:
			return false
		}
		if !loc.IsList() {
			return false
		}
	}
	return t == term.Nil
}

// Node and identity.

func bifNode0(p *Process, _ []term.Term) term.Term { return term.AtomNonode }

func bifNode1(p *Process, args []term.Term) term.Term {
	t := args[0]
	if !t.IsPid() && !t.IsPort() && !p.heap.IsRef(t) {
		return p.Badarg()
	}
	return term.AtomNonode
}

// bifNodes1 is nodes(Kind | [Kind]): no other nodes are ever connected, so
// only this and known list the local node.
func bifNodes1(p *Process, args []term.Term) term.Term {
	kinds := args[0]
	if kinds.IsAtom() {
		kinds = p.heap.List(kinds)
	}
	local := false
	for ; kinds.IsCons(); kinds = p.heap.Tail(kinds) {
		switch p.heap.Head(kinds) {
		case amVisible, amHidden, amConnected:
		case amThis, amKnown:
			local = true
		default:
			return p.Badarg()
		}
	}
	if kinds != term.Nil {
		return p.Badarg()
	}
	if local {
		return p.heap.List(term.AtomNonode)
	}
	return term.Nil
}

func bifSelf(p *Process, _ []term.Term) term.Term { return p.Pid() }

func bifMakeRef(p *Process, _ []term.Term) term.Term {
	return p.heap.Ref(p.m.nextRef.Add(1))
}

// uniqueCounter backs erlang:unique_integer/0,1 for every machine: values
// are unique and increasing VM-wide, so they are also monotonic.
var uniqueCounter atomic.Int64

func bifUniqueInteger0(p *Process, _ []term.Term) term.Term {
	return term.MakeSmall(term.MinSmall + uniqueCounter.Add(1))
}

func bifUniqueInteger1(p *Process, args []term.Term) term.Term {
	positive := false
	opts := args[0]
	for ; opts.IsCons(); opts = p.heap.Tail(opts) {
		switch p.heap.Head(opts) {
		case amPositive:
			positive = true
		case amMonotonic:
		default:
			return p.Badarg()
		}
	}
	if opts != term.Nil {
		return p.Badarg()
	}
	if positive {
		return p.heap.Integer(uniqueCounter.Add(1))
	}
	return bifUniqueInteger0(p, nil)
}

// Time.

// vmStart is the origin of erlang:monotonic_time/0,1.
var vmStart = time.Now()

// timeUnit returns the parts per second of a time unit argument.
func timeUnit(t term.Term) (int64, bool) {
	switch t {
	case amSecond, amSeconds:
		return 1, true
	case amMillisecond, amMilliSecs:
		return 1e3, true
	case amMicrosecond, amMicroSecs:
		return 1e6, true
	case amNanosecond, amNanoSecs, term.AtomNative, amPerfCounter:
		return 1e9, true
	}
	if v, ok := smallArg(t); ok && v > 0 {
		return v, true
	}
	return 0, false
}

// convertTime converts v from one unit to another, rounding toward
// negative infinity as erlang:convert_time_unit/3 does.
func convertTime(h *term.Heap, v *big.Int, from, to int64) term.Term {
	r := new(big.Int).Mul(v, big.NewInt(to))
	return h.BigInt(r.Div(r, big.NewInt(from))) // Div is Euclidean: floor for from > 0
}

// timeNative makes a time native: now gives nanoseconds; with one argument
// the result is converted to that unit.
func timeNative(now func() int64) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		ns := now()
		if len(args) == 0 {
			return p.heap.Integer(ns)
		}
		unit, ok := timeUnit(args[0])
		if !ok {
			return p.Badarg()
		}
		return convertTime(p.heap, big.NewInt(ns), 1e9, unit)
	}
}

func systemNanos() int64    { return time.Now().UnixNano() }
func monotonicNanos() int64 { return int64(time.Since(vmStart)) }

func bifConvertTimeUnit(p *Process, args []term.Term) term.Term {
	h := p.heap
	from, ok1 := timeUnit(args[1])
	to, ok2 := timeUnit(args[2])
	if !h.IsInteger(args[0]) || !ok1 || !ok2 {
		return p.Badarg()
	}
	return convertTime(h, h.ToBig(args[0]), from, to)
}

func bifTimestamp(p *Process, _ []term.Term) term.Term {
	us := time.Now().UnixMicro()
	return p.heap.Tuple(term.MakeSmall(us/1e12), term.MakeSmall(us/1e6%1e6), term.MakeSmall(us%1e6))
}

// dateTime makes {{Y, M, D}, {H, Mi, S}}.
func dateTime(h *term.Heap, t time.Time) term.Term {
	return h.Tuple(dateTuple(h, t), timeTuple(h, t))
}

func dateTuple(h *term.Heap, t time.Time) term.Term {
	return h.Tuple(term.MakeSmall(int64(t.Year())), term.MakeSmall(int64(t.Month())), term.MakeSmall(int64(t.Day())))
}

func timeTuple(h *term.Heap, t time.Time) term.Term {
	return h.Tuple(term.MakeSmall(int64(t.Hour())), term.MakeSmall(int64(t.Minute())), term.MakeSmall(int64(t.Second())))
}

// Checksums.

func bifCrc32_1(p *Process, args []term.Term) term.Term {
	b, ok := iodataBytes(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	return term.MakeSmall(int64(crc32.ChecksumIEEE(b)))
}

func bifCrc32_2(p *Process, args []term.Term) term.Term {
	old, ok := p.heap.Int64(args[0])
	b, ok2 := iodataBytes(p.heap, args[1])
	if !ok || old < 0 || old > 0xFFFFFFFF || !ok2 {
		return p.Badarg()
	}
	return term.MakeSmall(int64(crc32.Update(uint32(old), crc32.IEEETable, b)))
}

func bifMd5(p *Process, args []term.Term) term.Term {
	b, ok := iodataBytes(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	sum := md5.Sum(b)
	return p.heap.MakeBinary(sum[:])
}

// Display.

// erlang:display/1 ends its line with "\n", as AtomVM does (OTP 25's
// emulator writes "\r\n", a quirk of its terminal handling that files and
// pipes inherit).
const displayNewline = "\n"

// displayStderr receives erlang:display_string/1 output.
var displayStderr io.Writer = os.Stderr

// bifDisplay prints a term as the emulator's own printer does (not ~w:
// floats as %.6e, printable lists and binaries as strings, maps without
// spaces).
func bifDisplay(p *Process, args []term.Term) term.Term {
	var b strings.Builder
	displayTerm(&b, p.heap, args[0])
	b.WriteString(displayNewline)
	io.WriteString(p.m.opts.Stdout, b.String())
	return term.True
}

// bifDisplayString prints a flat list of characters, UTF-8 encoded.
func bifDisplayString(p *Process, args []term.Term) term.Term {
	s, ok := charListString(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	io.WriteString(displayStderr, strings.ReplaceAll(s, "\n", displayNewline))
	return term.True
}

// displayTerm is erts_printf's %T.
func displayTerm(b *strings.Builder, h *term.Heap, t term.Term) {
	switch {
	case t.IsSmall():
		b.WriteString(strconv.FormatInt(t.Small(), 10))
	case t.IsAtom():
		displayAtom(b, term.AtomName(t))
	case t == term.Nil:
		b.WriteString("[]")
	case t.IsCons():
		if displayPrintable(h, t) {
			b.WriteByte('"')
			for ; t.IsCons(); t = h.Tail(t) {
				switch c := byte(h.Head(t).Small()); c {
				case '\n':
					b.WriteString(`\n`)
				case '"':
					b.WriteString(`\"`)
				default:
					b.WriteByte(c)
				}
			}
			b.WriteByte('"')
			return
		}
		b.WriteByte('[')
		for first := true; t.IsCons(); t = h.Tail(t) {
			if !first {
				b.WriteByte(',')
			}
			first = false
			displayTerm(b, h, h.Head(t))
		}
		if t != term.Nil {
			b.WriteByte('|')
			displayTerm(b, h, t)
		}
		b.WriteByte(']')
	case h.IsTuple(t):
		b.WriteByte('{')
		for i, e := range h.TupleElems(t) {
			if i > 0 {
				b.WriteByte(',')
			}
			displayTerm(b, h, e)
		}
		b.WriteByte('}')
	case h.IsFloat(t):
		b.WriteString(numtext.FormatFloatDisplay(h.FloatValue(t)))
	case h.IsMap(t):
		keys, vals := h.MapKeysValues(t)
		b.WriteString("#{")
		for i := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			displayTerm(b, h, keys[i])
			b.WriteString("=>")
			displayTerm(b, h, vals[i])
		}
		b.WriteByte('}')
	case h.IsBitstring(t):
		data, n := h.BitstringBytes(t)
		whole := data[:n/8]
		if n%8 == 0 && n > 0 && displayPrintableASCII(whole) {
			b.WriteString(`<<"`)
			for _, c := range whole {
				if c == '"' {
					b.WriteByte('\\')
				}
				b.WriteByte(c)
			}
			b.WriteString(`">>`)
			return
		}
		b.WriteString("<<")
		for i, c := range whole {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(c)))
		}
		if r := n % 8; r != 0 {
			if len(whole) > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(data[n/8]>>(8-r))) + ":" + strconv.Itoa(r))
		}
		b.WriteString(">>")
	case h.IsExportFun(t):
		m, f, a := h.ExportParts(t)
		b.WriteString("fun ")
		displayAtom(b, term.AtomName(m))
		b.WriteByte(':')
		displayAtom(b, term.AtomName(f))
		b.WriteString("/" + strconv.Itoa(a))
	default: // pids, ports, refs and local funs print as in ~w
		b.WriteString(h.Format(t))
	}
}

// displayPrintable is erts's is_printable_string: a non-empty proper list of
// bytes that are not control characters other than white space.
func displayPrintable(h *term.Heap, t term.Term) bool {
	for ; t.IsCons(); t = h.Tail(t) {
		c := h.Head(t)
		if !c.IsSmall() || c.Small() < 0 || c.Small() > 255 {
			return false
		}
		v := c.Small()
		if (v < ' ' || v == 127) && !(v == ' ' || v >= '\t' && v <= '\r') {
			return false
		}
	}
	return t == term.Nil
}

func displayPrintableASCII(b []byte) bool {
	for _, c := range b {
		if c < ' ' || c > '~' {
			return false
		}
	}
	return true
}

// displayAtom prints an atom as erts does: quoted unless it starts with a
// lower-case letter and has only letters, digits and underscores (Latin-1
// letters count; '@' does not; reserved words are not quoted).
func displayAtom(b *strings.Builder, name string) {
	lower := func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 0xDF && r <= 0xFF && r != 0xF7 }
	upper := func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0xDE && r != 0xD7 }
	quote := name == ""
	for i, r := range name {
		if i == 0 && !lower(r) || !(lower(r) || upper(r) || r >= '0' && r <= '9' || r == '_') {
			quote = true
			break
		}
	}
	if quote {
		b.WriteByte('\'')
	}
	for _, r := range name {
		switch r {
		case '\'':
			b.WriteString(`\'`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case '\b':
			b.WriteString(`\b`)
		case '\v':
			b.WriteString(`\v`)
		default:
			if r < ' ' {
				b.WriteString(`\` + strconv.FormatInt(int64(r)+01000, 8)[1:])
			} else {
				b.WriteRune(r)
			}
		}
	}
	if quote {
		b.WriteByte('\'')
	}
}

func init() {
	register("erlang",
		Native{Function: "error", Arity: 1, Fn: bifError, Doc: "Raises an exception of class error."},
		Native{Function: "error", Arity: 2, Fn: bifError, Doc: "Raises an error; Args describes the failing call."},
		Native{Function: "error", Arity: 3, Fn: bifError, Doc: "Raises an error with Args and Options (error_info)."},
		Native{Function: "exit", Arity: 1, Fn: bifExit, Doc: "Raises an exception of class exit."},
		Native{Function: "throw", Arity: 1, Fn: bifThrow, Doc: "Raises an exception of class throw."},
		Native{Function: "raise", Arity: 3, Fn: bifRaise, Doc: "Raises an exception with a given class, reason and stacktrace; returns badarg if they are invalid."},
		Native{Function: "node", Arity: 0, Fn: bifNode0, Guard: true, Doc: "The local node name: nonode@nohost."},
		Native{Function: "node", Arity: 1, Fn: bifNode1, Guard: true, Doc: "The node of a pid, port or reference: nonode@nohost."},
		Native{Function: "is_alive", Arity: 0, Fn: func(*Process, []term.Term) term.Term { return term.False }, Doc: "Is the node distributed? Always false."},
		Native{Function: "nodes", Arity: 0, Fn: func(*Process, []term.Term) term.Term { return term.Nil }, Doc: "The connected nodes: none."},
		Native{Function: "nodes", Arity: 1, Fn: bifNodes1, Doc: "Nodes of the given kinds; only this and known list the local node."},
		Native{Function: "self", Arity: 0, Fn: bifSelf, Guard: true, Doc: "The pid of the calling process."},
		Native{Function: "make_ref", Arity: 0, Fn: bifMakeRef, Doc: "A new unique reference."},
		Native{Function: "unique_integer", Arity: 0, Fn: bifUniqueInteger0, Doc: "An integer unique in this VM."},
		Native{Function: "unique_integer", Arity: 1, Fn: bifUniqueInteger1, Doc: "A unique integer; options positive and monotonic."},
		Native{Function: "system_time", Arity: 0, Fn: timeNative(systemNanos), Doc: "OS system time in native units (nanoseconds)."},
		Native{Function: "system_time", Arity: 1, Fn: timeNative(systemNanos), Doc: "OS system time in the given unit."},
		Native{Function: "monotonic_time", Arity: 0, Fn: timeNative(monotonicNanos), Doc: "Monotonic time in native units (nanoseconds)."},
		Native{Function: "monotonic_time", Arity: 1, Fn: timeNative(monotonicNanos), Doc: "Monotonic time in the given unit."},
		Native{Function: "convert_time_unit", Arity: 3, Fn: bifConvertTimeUnit, Doc: "Converts a time value between units, rounding down."},
		Native{Function: "timestamp", Arity: 0, Fn: bifTimestamp, Doc: "System time as {MegaSecs, Secs, MicroSecs}."},
		Native{Function: "universaltime", Arity: 0, Fn: func(p *Process, _ []term.Term) term.Term { return dateTime(p.heap, time.Now().UTC()) }, Doc: "UTC date and time as {{Y, M, D}, {H, Mi, S}}."},
		Native{Function: "localtime", Arity: 0, Fn: func(p *Process, _ []term.Term) term.Term { return dateTime(p.heap, time.Now()) }, Doc: "Local date and time as {{Y, M, D}, {H, Mi, S}}."},
		Native{Function: "date", Arity: 0, Fn: func(p *Process, _ []term.Term) term.Term { return dateTuple(p.heap, time.Now()) }, Doc: "Local date as {Y, M, D}."},
		Native{Function: "time", Arity: 0, Fn: func(p *Process, _ []term.Term) term.Term { return timeTuple(p.heap, time.Now()) }, Doc: "Local time as {H, Mi, S}."},
		Native{Function: "crc32", Arity: 1, Fn: bifCrc32_1, Doc: "The CRC-32 (IEEE) of iodata."},
		Native{Function: "crc32", Arity: 2, Fn: bifCrc32_2, Doc: "Continues a CRC-32 with more iodata."},
		Native{Function: "md5", Arity: 1, Fn: bifMd5, Doc: "The MD5 digest of iodata, a 16-byte binary."},
		Native{Function: "display", Arity: 1, Fn: bifDisplay, Doc: "Prints a term on standard output with the emulator's printer; returns true."},
		Native{Function: "display_string", Arity: 1, Fn: bifDisplayString, Doc: "Prints a string (a flat list of characters) on standard error; returns true."},
	)
	register("os",
		Native{Function: "system_time", Arity: 0, Fn: timeNative(systemNanos), Doc: "OS system time in native units (nanoseconds)."},
		Native{Function: "system_time", Arity: 1, Fn: timeNative(systemNanos), Doc: "OS system time in the given unit."},
		Native{Function: "timestamp", Arity: 0, Fn: bifTimestamp, Doc: "OS system time as {MegaSecs, Secs, MicroSecs}."},
	)
}
