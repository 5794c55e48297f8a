package vm

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/netip"
	"os"
	"syscall"

	"github.com/avmtool/avm/vm/term"
)

// Socket options (OTP's inet options), addresses and error reasons.

type activeMode uint8

const (
	passive activeMode = iota
	activeOnce
	activeTrue
	activeN // {active, N}: count packets, then passive
)

// packetLine is {packet, line}; other packet values are 0 (raw) and the
// header sizes 1, 2 and 4.
const packetLine = -1

// maxActiveN is the largest {active, N} counter, as in OTP.
const maxActiveN = 32767

type sockOpts struct {
	active      activeMode
	count       int // packets left in activeN
	list        bool
	packet      int
	packetSize  int
	reuseaddr   bool
	nodelay     bool
	keepalive   bool
	broadcast   bool
	exitOnClose bool
	backlog     int
	inet6       bool
	ip          netip.Addr // local address to bind; invalid: any
	port        int        // {port, P}: local port
	lineDelim   byte       // {line_delimiter, C} of {packet, line}

	// Options the kernel carries out (applyOptsLocked); 0: its default.
	recbuf, sndbuf  int
	linger          bool
	lingerSecs      int
	tos             int
	multicastTTL    int
	noMulticastLoop bool
	// sendTimeout is {send_timeout, Ms}; -1: infinity.
	sendTimeout      int
	sendTimeoutClose bool

	// Options OTP has that change nothing here (there is no user-level
	// buffering to tune), kept so that getopts reports what was set.
	buffer, priority                    int
	delaySend, showEconnreset           bool
	highWatermark, lowWatermark         int
	highMsgqWatermark, lowMsgqWatermark int

	// ranOut: setopts brought the {active, N} counter to 0, and the owner
	// is to be told ({tcp_passive, S}).
	ranOut bool
}

// defaultOpts are a new socket's options: OTP's defaults for gen_tcp and
// gen_udp (list mode, active).
func defaultOpts() sockOpts {
	return sockOpts{active: activeTrue, list: true, backlog: 5, exitOnClose: true, lineDelim: '\n',
		sendTimeout: -1, buffer: 1460,
		highWatermark: 8192, lowWatermark: 4096, highMsgqWatermark: 8192, lowMsgqWatermark: 4096}
}

// inherited are the options an accepted socket takes from its listener.
func (o sockOpts) inherited() sockOpts {
	o.backlog = 5
	o.ip, o.port = netip.Addr{}, 0
	return o
}

// network names the Go network for proto ("tcp", "udp") and the family.
func (o sockOpts) network(proto string) string {
	if o.inet6 {
		return proto + "6"
	}
	return proto + "4"
}

// localAddr is the address to bind.
func (o sockOpts) localAddr(port int) netip.AddrPort {
	a := o.ip
	if !a.IsValid() {
		a = netip.IPv4Unspecified()
		if o.inet6 {
			a = netip.IPv6Unspecified()
		}
	}
	return netip.AddrPortFrom(a, uint16(port))
}

// optError says why an option list was refused: badarg (the call raises)
// or einval (the call returns {error, einval}).
type optError uint8

const (
	optOK optError = iota
	optBadarg
	optEinval
)

// parseOpts applies an option list to o. Creating a socket (create) also
// takes the address options; setopts/2 does not.
func (o *sockOpts) parse(h *term.Heap, list term.Term, kind sockKind, create bool) optError {
	elems, ok := h.ListToSlice(list)
	if !ok {
		return optBadarg
	}
	bad := optEinval
	if create {
		bad = optBadarg
	}
	for _, e := range elems {
		switch e {
		case term.AtomBinary:
			o.list = false
			continue
		case term.AtomList:
			o.list = true
			continue
		case atomInet:
			if create {
				o.inet6 = false
				continue
			}
		case atomInet6:
			if create {
				o.inet6 = true
				continue
			}
		}
		if !h.IsTuple(e) || h.TupleSize(e) != 2 {
			return bad
		}
		kv := h.TupleElems(e)
		k, v := kv[0], kv[1]
		var r optError
		switch term.AtomName(k) {
		case "active":
			r = o.setActive(v, kind)
		case "mode":
			switch v {
			case term.AtomBinary:
				o.list = false
			case term.AtomList:
				o.list = true
			default:
				r = bad
			}
		case "packet":
			r = o.setPacket(v, kind, bad)
		case "packet_size":
			r = setInt(&o.packetSize, v, 0, 1<<30, bad)
		case "reuseaddr":
			r = setBool(&o.reuseaddr, v, bad)
		case "nodelay":
			r = setBool(&o.nodelay, v, bad)
		case "keepalive":
			r = setBool(&o.keepalive, v, bad)
		case "broadcast":
			r = setBool(&o.broadcast, v, bad)
		case "exit_on_close":
			r = setBool(&o.exitOnClose, v, bad)
		case "backlog":
			if !create || kind != kindListen {
				r = bad
			} else {
				r = setInt(&o.backlog, v, 0, 1<<16, bad)
			}
		case "recbuf":
			r = setInt(&o.recbuf, v, 1, 1<<30, bad)
		case "sndbuf":
			r = setInt(&o.sndbuf, v, 1, 1<<30, bad)
		case "buffer":
			r = setInt(&o.buffer, v, 1, 1<<30, bad)
		case "priority":
			r = setInt(&o.priority, v, 0, 255, bad)
		case "tos":
			r = setInt(&o.tos, v, 0, 255, bad)
		case "high_watermark":
			r = setInt(&o.highWatermark, v, 0, 1<<30, bad)
		case "low_watermark":
			r = setInt(&o.lowWatermark, v, 0, 1<<30, bad)
		case "high_msgq_watermark":
			r = setInt(&o.highMsgqWatermark, v, 1, 1<<30, bad)
		case "low_msgq_watermark":
			r = setInt(&o.lowMsgqWatermark, v, 1, 1<<30, bad)
		case "delay_send":
			r = setBool(&o.delaySend, v, bad)
		case "show_econnreset":
			r = setBool(&o.showEconnreset, v, bad)
		case "send_timeout_close":
			r = setBool(&o.sendTimeoutClose, v, bad)
		case "send_timeout":
			if v == term.AtomInfinity {
				o.sendTimeout = -1
			} else {
				r = setInt(&o.sendTimeout, v, 0, 1<<31-1, bad)
			}
		case "deliver":
			// {deliver, port} changes the shape of every message: not supported.
			if v != term.Atom("term") {
				r = bad
			}
		case "line_delimiter":
			var c int
			if r = setInt(&c, v, 0, 255, bad); r == optOK {
				o.lineDelim = byte(c)
			}
		case "linger":
			r = o.setLinger(h, v, bad)
		case "ip", "ifaddr":
			if !create {
				return bad
			}
			r = o.setIP(h, v)
		case "port":
			if !create {
				return bad
			}
			r = setInt(&o.port, v, 0, 65535, optBadarg)
		default:
			return bad
		}
		if r != optOK {
			return r
		}
	}
	return optOK
}

// setLinger reads {linger, {OnOff, Seconds}}.
func (o *sockOpts) setLinger(h *term.Heap, v term.Term, bad optError) optError {
	if !h.IsTuple(v) || h.TupleSize(v) != 2 {
		return bad
	}
	e := h.TupleElems(v)
	if !e[0].IsBoolean() || !e[1].IsSmall() || e[1].Small() < 0 || e[1].Small() > 1<<16 {
		return bad
	}
	o.linger, o.lingerSecs = e[0] == term.True, int(e[1].Small())
	return optOK
}

func setBool(dst *bool, v term.Term, bad optError) optError {
	if !v.IsBoolean() {
		return bad
	}
	*dst = v == term.True
	return optOK
}

func setInt(dst *int, v term.Term, lo, hi int64, bad optError) optError {
	if !v.IsSmall() || v.Small() < lo || v.Small() > hi {
		return bad
	}
	*dst = int(v.Small())
	return optOK
}

func (o *sockOpts) setActive(v term.Term, kind sockKind) optError {
	switch {
	case v == term.True:
		o.active, o.count = activeTrue, 0
	case v == term.False:
		o.active, o.count = passive, 0
	case v == term.Atom("once"):
		o.active, o.count = activeOnce, 0
	case v.IsSmall() && v.Small() >= -maxActiveN && v.Small() <= maxActiveN && kind != kindListen:
		// {active, N} adds N to the counter; at 0 or below the socket turns passive.
		n := int(v.Small())
		if o.active == activeN {
			n += o.count
		}
		if n > maxActiveN {
			return optEinval
		}
		if n <= 0 {
			// Running out of count is reported as in an active mode.
			o.ranOut = o.active == activeN
			o.active, o.count = passive, 0
		} else {
			o.active, o.count = activeN, n
		}
	default:
		return optBadarg
	}
	return optOK
}

func (o *sockOpts) setPacket(v term.Term, kind sockKind, bad optError) optError {
	if kind == kindDgram {
		return bad
	}
	switch {
	case v == term.Atom("raw"):
		o.packet = 0
	case v == term.AtomLine:
		o.packet = packetLine
	case v.IsSmall() && (v.Small() == 0 || v.Small() == 1 || v.Small() == 2 || v.Small() == 4):
		o.packet = int(v.Small())
	default:
		return bad
	}
	return optOK
}

func (o *sockOpts) setIP(h *term.Heap, v term.Term) optError {
	switch v {
	case term.Atom("any"):
		o.ip = netip.Addr{}
		return optOK
	case term.Atom("loopback"):
		if o.inet6 {
			o.ip = netip.IPv6Loopback()
		} else {
			o.ip = netip.AddrFrom4([4]byte{127, 0, 0, 1})
		}
		return optOK
	}
	a, ok := addrArg(h, v)
	if !ok {
		return optBadarg
	}
	o.ip = a
	o.inet6 = a.Is6()
	return optOK
}

// get reads option name, as inet:getopts/2 reports it.
func (o *sockOpts) get(h *term.Heap, name term.Term, kind sockKind) (term.Term, bool) {
	var v term.Term
	switch term.AtomName(name) {
	case "active":
		switch o.active {
		case passive:
			v = term.False
		case activeOnce:
			v = term.Atom("once")
		case activeTrue:
			v = term.True
		case activeN:
			v = term.MakeSmall(int64(o.count))
		}
	case "mode":
		v = term.AtomBinary
		if o.list {
			v = term.AtomList
		}
	case "packet":
		if kind == kindDgram {
			return 0, false
		}
		v = term.MakeSmall(int64(o.packet))
		if o.packet == packetLine {
			v = term.AtomLine
		}
	case "packet_size":
		v = term.MakeSmall(int64(o.packetSize))
	case "reuseaddr":
		v = term.Bool(o.reuseaddr)
	case "nodelay":
		v = term.Bool(o.nodelay)
	case "keepalive":
		v = term.Bool(o.keepalive)
	case "broadcast":
		v = term.Bool(o.broadcast)
	case "exit_on_close":
		v = term.Bool(o.exitOnClose)
	case "buffer":
		v = term.MakeSmall(int64(o.buffer))
	case "recbuf": // where the kernel's value cannot be read (kernelBufSize)
		v = term.MakeSmall(int64(o.recbuf))
	case "sndbuf":
		v = term.MakeSmall(int64(o.sndbuf))
	case "priority":
		v = term.MakeSmall(int64(o.priority))
	case "tos":
		v = term.MakeSmall(int64(o.tos))
	case "high_watermark":
		v = term.MakeSmall(int64(o.highWatermark))
	case "low_watermark":
		v = term.MakeSmall(int64(o.lowWatermark))
	case "high_msgq_watermark":
		v = term.MakeSmall(int64(o.highMsgqWatermark))
	case "low_msgq_watermark":
		v = term.MakeSmall(int64(o.lowMsgqWatermark))
	case "delay_send":
		v = term.Bool(o.delaySend)
	case "show_econnreset":
		v = term.Bool(o.showEconnreset)
	case "send_timeout_close":
		v = term.Bool(o.sendTimeoutClose)
	case "send_timeout":
		v = term.AtomInfinity
		if o.sendTimeout >= 0 {
			v = term.MakeSmall(int64(o.sendTimeout))
		}
	case "deliver":
		v = term.Atom("term")
	case "linger":
		v = h.Tuple(term.Bool(o.linger), term.MakeSmall(int64(o.lingerSecs)))
	default:
		return 0, false
	}
	return h.Tuple(name, v), true
}

// frame finds the first packet of buf for a recv of length (0: any; only
// raw mode reads a length). It returns the packet and the bytes it took
// from buf (0 when buf holds no complete packet yet); ended says no more
// bytes will come. A packet over packet_size is an error reason.
func (o *sockOpts) frame(buf []byte, length int, ended bool) (pkt []byte, n int, err term.Term) {
	switch o.packet {
	case 0:
		if length == 0 {
			return buf, len(buf), 0
		}
		if len(buf) >= length {
			return buf[:length], length, 0
		}
		return nil, 0, 0
	case packetLine:
		if i := bytes.IndexByte(buf, o.lineDelim); i >= 0 {
			return buf[:i+1], i + 1, 0
		}
		if o.packetSize > 0 && len(buf) >= o.packetSize {
			return buf[:o.packetSize], o.packetSize, 0
		}
		if ended && len(buf) > 0 {
			return buf, len(buf), 0
		}
		return nil, 0, 0
	}
	hl := o.packet
	if len(buf) < hl {
		return nil, 0, 0
	}
	var size int
	switch hl {
	case 1:
		size = int(buf[0])
	case 2:
		size = int(binary.BigEndian.Uint16(buf))
	case 4:
		size = int(binary.BigEndian.Uint32(buf))
	}
	if o.packetSize > 0 && size > o.packetSize {
		return nil, 0, atomEmsgsize
	}
	if len(buf)-hl < size {
		return nil, 0, 0
	}
	return buf[hl : hl+size], hl + size, 0
}

// header is the length header that {packet, 1|2|4} puts before data; ok is
// false when data is too long for it.
func (o *sockOpts) header(size int) ([]byte, bool) {
	switch o.packet {
	case 1:
		return []byte{byte(size)}, size < 1<<8
	case 2:
		return binary.BigEndian.AppendUint16(nil, uint16(size)), size < 1<<16
	case 4:
		return binary.BigEndian.AppendUint32(nil, uint32(size)), int64(size) < 1<<32
	}
	return nil, true
}

// Addresses.

// addrArg reads an address tuple: {A,B,C,D} of bytes or eight 16-bit words.
func addrArg(h *term.Heap, t term.Term) (netip.Addr, bool) {
	if !h.IsTuple(t) {
		return netip.Addr{}, false
	}
	e := h.TupleElems(t)
	switch len(e) {
	case 4:
		var b [4]byte
		for i, x := range e {
			if !x.IsSmall() || x.Small() < 0 || x.Small() > 255 {
				return netip.Addr{}, false
			}
			b[i] = byte(x.Small())
		}
		return netip.AddrFrom4(b), true
	case 8:
		var b [16]byte
		for i, x := range e {
			if !x.IsSmall() || x.Small() < 0 || x.Small() > 65535 {
				return netip.Addr{}, false
			}
			binary.BigEndian.PutUint16(b[2*i:], uint16(x.Small()))
		}
		return netip.AddrFrom16(b), true
	}
	return netip.Addr{}, false
}

// addrTerm is the tuple of an address.
func addrTerm(h *term.Heap, a netip.Addr) term.Term {
	if a.Is4() {
		b := a.As4()
		return h.Tuple(term.MakeSmall(int64(b[0])), term.MakeSmall(int64(b[1])), term.MakeSmall(int64(b[2])), term.MakeSmall(int64(b[3])))
	}
	b := a.As16()
	w := make([]term.Term, 8)
	for i := range w {
		w[i] = term.MakeSmall(int64(binary.BigEndian.Uint16(b[2*i:])))
	}
	return h.Tuple(w...)
}

// addrPortTerm is {Address, Port}.
func addrPortTerm(h *term.Heap, a netip.AddrPort) term.Term {
	return h.Tuple(addrTerm(h, a.Addr()), term.MakeSmall(int64(a.Port())))
}

// Error reasons.

// errnoNames are the POSIX error names OTP reports, by errno.
var errnoNames = map[syscall.Errno]string{
	syscall.EADDRINUSE:    "eaddrinuse",
	syscall.EADDRNOTAVAIL: "eaddrnotavail",
	syscall.ECONNREFUSED:  "econnrefused",
	syscall.ECONNRESET:    "econnreset",
	syscall.ECONNABORTED:  "econnaborted",
	syscall.EPIPE:         "epipe",
	syscall.ETIMEDOUT:     "etimedout",
	syscall.EHOSTUNREACH:  "ehostunreach",
	syscall.ENETUNREACH:   "enetunreach",
	syscall.EACCES:        "eacces",
	syscall.EPERM:         "eperm",
	syscall.EINVAL:        "einval",
	syscall.ENOTCONN:      "enotconn",
	syscall.EMSGSIZE:      "emsgsize",
	syscall.EAFNOSUPPORT:  "eafnosupport",
	syscall.ENOBUFS:       "enobufs",
	syscall.EMFILE:        "emfile",
	syscall.ENFILE:        "enfile",
}

// errnoAtom is the reason OTP gives for err.
func errnoAtom(err error) term.Term {
	var errno syscall.Errno
	switch {
	case errors.Is(err, net.ErrClosed), errors.Is(err, io.EOF):
		return atomClosed
	case errors.Is(err, os.ErrDeadlineExceeded):
		return term.AtomTimeout
	case errors.Is(err, errNxdomain):
		return atomNxdomain
	case errors.As(err, &errno):
		if name, ok := errnoNames[errno]; ok {
			return term.Atom(name)
		}
	}
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() {
		return term.AtomTimeout
	}
	return atomEinval
}

// closeReason is how the end of a stream is reported: closed when the
// peer closed it, else the error.
func closeReason(err error) term.Term {
	if errors.Is(err, io.EOF) {
		return atomClosed
	}
	return errnoAtom(err)
}

// writeErrReason is the reason a failed send returns: OTP reports a
// connection the peer closed or reset as closed.
func writeErrReason(err error) term.Term {
	r := errnoAtom(err)
	if r == term.Atom("epipe") || r == term.Atom("econnreset") {
		return atomClosed
	}
	return r
}
