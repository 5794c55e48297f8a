package vm

import (
	"context"
	"encoding/binary"
	"errors"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/avmtool/avm/vm/term"
)

// The natives of avm_net, the internal module under gen_tcp, gen_udp, inet
// and socket (natives_net.go explains the design). Sockets are ports;
// calls that may wait take a reference and return `wait`, then answer
// {Ref, Result}.

func init() {
	register("avm_net",
		Native{Function: "listen", Arity: 2, Fn: nifNetListen,
			Doc: "listen(Port, Opts): {ok, S} for a TCP socket listening on Port (0: any free port), or {error, Reason}"},
		Native{Function: "connect", Arity: 5, Fn: nifNetConnect,
			Doc: "connect(Addr, Port, Opts, Timeout, Ref): wait, then {Ref, {ok, S} | {error, Reason}} when the TCP connection is made"},
		Native{Function: "accept", Arity: 2, Fn: nifNetAccept,
			Doc: "accept(ListenS, Ref): {ok, S}, {error, Reason}, or wait and later {Ref, Result}"},
		Native{Function: "recv", Arity: 3, Fn: nifNetRecv,
			Doc: "recv(S, Length, Ref): {ok, Data} (UDP: {ok, {Addr, Port, Data}}), {error, Reason}, or wait and later {Ref, Result}"},
		Native{Function: "cancel", Arity: 2, Fn: nifNetCancel,
			Doc: "cancel(S, Ref): withdraw a waiting accept or recv; false when its answer was already sent"},
		Native{Function: "send", Arity: 3, Fn: nifNetSend,
			Doc: "send(S, Data, Ref): ok, {error, Reason}, or wait and later {Ref, Result} when the kernel's buffer was full"},
		Native{Function: "udp_open", Arity: 2, Fn: nifNetUDPOpen,
			Doc: "udp_open(Port, Opts): {ok, S} for a UDP socket bound to Port (0: any free port), or {error, Reason}"},
		Native{Function: "sendto", Arity: 5, Fn: nifNetSendTo,
			Doc: "sendto(S, Addr, Port, Data, Ref): send a datagram: ok, {error, Reason}, or wait and later {Ref, Result}"},
		Native{Function: "close", Arity: 1, Fn: nifNetClose,
			Doc: "close(S): close the socket; ok"},
		Native{Function: "shutdown", Arity: 2, Fn: nifNetShutdown,
			Doc: "shutdown(S, read | write | read_write): close one or both directions of a TCP connection"},
		Native{Function: "setopts", Arity: 2, Fn: nifNetSetopts,
			Doc: "setopts(S, Opts): ok or {error, einval}"},
		Native{Function: "getopts", Arity: 2, Fn: nifNetGetopts,
			Doc: "getopts(S, Names): {ok, [{Name, Value}]} or {error, einval}"},
		Native{Function: "sockname", Arity: 1, Fn: nifNetSockname,
			Doc: "sockname(S): {ok, {Addr, Port}} of the local end, or {error, einval}"},
		Native{Function: "peername", Arity: 1, Fn: nifNetPeername,
			Doc: "peername(S): {ok, {Addr, Port}} of the remote end, or {error, enotconn | einval}"},
		Native{Function: "controlling_process", Arity: 2, Fn: nifNetControllingProcess,
			Doc: "controlling_process(S, Pid): make Pid the owner; {error, not_owner | closed | badarg}"},
		Native{Function: "owner", Arity: 1, Fn: nifNetOwner,
			Doc: "owner(S): {ok, Pid} of the controlling process, or {error, closed}"},
		Native{Function: "gethostname", Arity: 0, Fn: nifNetGethostname,
			Doc: "gethostname(): {ok, Name}, the host's name up to its first dot"},
		Native{Function: "host_ipv4", Arity: 0, Fn: nifNetHostIPv4,
			Doc: "host_ipv4(): {Address, Netmask, Gateway} of the host's first IPv4 interface that is up (loopback when none), for the simulated network module"},
		Native{Function: "getaddrs", Arity: 3, Fn: nifNetGetaddrs,
			Doc: "getaddrs(Host, inet | inet6, Ref): {ok, [Addr]}, {error, Reason}, or wait and later {Ref, Result}"},
	)
}

// sockArg finds the socket of port t; nil when it is closed. ok is false
// when t is not a port.
func (p *Process) sockArg(t term.Term) (s *netSock, ok bool) {
	if !t.IsPort() {
		return nil, false
	}
	return p.m.net.get(t.PidID()), true
}

func portArg(t term.Term) (int, bool) {
	if !t.IsSmall() || t.Small() < 0 || t.Small() > 65535 {
		return 0, false
	}
	return int(t.Small()), true
}

// optsResult turns an option error into the call's result.
func (p *Process) optsResult(r optError) term.Term {
	if r == optBadarg {
		return p.Badarg()
	}
	return errorTuple(p.heap, atomEinval)
}

func nifNetListen(p *Process, args []term.Term) term.Term {
	port, ok := portArg(args[0])
	if !ok {
		return p.Badarg()
	}
	o := defaultOpts()
	if r := o.parse(p.heap, args[1], kindListen, true); r != optOK {
		return p.optsResult(r)
	}
	lc := net.ListenConfig{Control: socketControl(o)}
	ln, err := lc.Listen(context.Background(), o.network("tcp"), o.localAddr(port).String())
	if err != nil {
		return errorTuple(p.heap, errnoAtom(err))
	}
	s := newSock(p.m, kindListen, p.id, o)
	s.ln = ln.(*net.TCPListener)
	if err := errors.Join(s.setBacklog(o.backlog), s.applyOptsLocked()); err != nil {
		ln.Close()
		return errorTuple(p.heap, errnoAtom(err))
	}
	p.m.net.add(s)
	return p.heap.Tuple(term.AtomOk, s.port())
}

func nifNetConnect(p *Process, args []term.Term) term.Term {
	h := p.heap
	port, ok := portArg(args[1])
	if !ok || !h.IsRef(args[4]) {
		return p.Badarg()
	}
	o := defaultOpts()
	if r := o.parse(h, args[2], kindStream, true); r != optOK {
		return p.optsResult(r)
	}
	timeout, limited, ok := timeoutArg(args[3])
	if !ok {
		return p.Badarg()
	}
	var host string
	addr, isAddr := addrArg(h, args[0])
	if isAddr {
		o.inet6 = addr.Is6()
	} else if host, ok = hostArg(h, args[0]); !ok {
		return p.Badarg()
	}
	m, owner, ref := p.m, p.id, h.RefID(args[4])
	go func() {
		ctx := context.Background()
		if limited {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, timeout)
			defer cancel()
		}
		addrs := []netip.Addr{addr}
		var err error
		if !isAddr {
			addrs, err = resolve(ctx, host, o.inet6)
		}
		var c *net.TCPConn
		if err == nil {
			aps := make([]netip.AddrPort, len(addrs))
			for i, a := range addrs {
				aps[i] = netip.AddrPortFrom(a, uint16(port))
			}
			c, err = dial(ctx, aps, o)
		}
		w := waiter{pid: owner, ref: ref}
		if err != nil {
			m.reply(w, func(h *term.Heap) term.Term { return errorTuple(h, errnoAtom(err)) })
			return
		}
		ns := m.newStreamSock(c, owner, o)
		m.reply(w, func(h *term.Heap) term.Term { return h.Tuple(term.AtomOk, ns.port()) })
	}()
	return atomWait
}

// timeoutArg reads a timeout in milliseconds or infinity (limited false).
func timeoutArg(t term.Term) (d time.Duration, limited, ok bool) {
	switch {
	case t == term.AtomInfinity:
		return 0, false, true
	case t.IsSmall() && t.Small() >= 0:
		return time.Duration(t.Small()) * time.Millisecond, true, true
	}
	return 0, false, false
}

// hostArg reads a host name: a string or an atom.
func hostArg(h *term.Heap, t term.Term) (string, bool) {
	if t.IsAtom() {
		return term.AtomName(t), true
	}
	s, ok := charListString(h, t)
	return s, ok && s != ""
}

func nifNetAccept(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	if !ok || !h.IsRef(args[1]) {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomClosed)
	}
	if s.kind != kindListen {
		return errorTuple(h, atomEinval)
	}
	s.mu.Lock()
	switch {
	case s.closed:
		s.mu.Unlock()
		return errorTuple(h, atomClosed)
	case s.readErr != nil:
		s.mu.Unlock()
		return errorTuple(h, errnoAtom(s.readErr))
	case len(s.accepted) > 0 && len(s.waiters) == 0:
		c := s.accepted[0]
		s.accepted = s.accepted[1:]
		opts := s.opts.inherited()
		s.mu.Unlock()
		ns := p.m.newStreamSock(c, p.id, opts)
		return h.Tuple(term.AtomOk, ns.port())
	}
	s.waiters = append(s.waiters, waiter{pid: p.id, ref: h.RefID(args[1])})
	s.startLocked()
	s.mu.Unlock()
	return atomWait
}

func nifNetRecv(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	length, lok := smallArg(args[1])
	if !ok || !lok || length < 0 || !h.IsRef(args[2]) {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomClosed)
	}
	if s.kind == kindListen || s.kind == kindNewStream || s.kind == kindNewDgram {
		return errorTuple(h, atomEnotconn)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.shut:
		return errorTuple(h, atomEnotconn)
	case s.closed, s.endSent:
		return errorTuple(h, atomClosed)
	case s.opts.active != passive:
		return errorTuple(h, atomEinval)
	}
	if s.opts.packet != 0 {
		length = 0
	}
	s.dropGoneWaitersLocked()
	if len(s.waiters) == 0 {
		if r, done := s.takeLocked(h, int(length)); done {
			return r
		}
	}
	s.waiters = append(s.waiters, waiter{pid: p.id, ref: h.RefID(args[2]), length: int(length)})
	// Others wait before this call: what is read already goes to them first.
	if s.kind == kindDgram {
		s.dispatchDgramsLocked()
	} else {
		s.dispatchStreamLocked()
	}
	s.startLocked()
	return atomWait
}

// takeLocked answers a recv from what was already read, when it can.
func (s *netSock) takeLocked(h *term.Heap, length int) (term.Term, bool) {
	if s.kind == kindDgram {
		if len(s.dgrams) == 0 {
			if s.readErr != nil {
				return errorTuple(h, errnoAtom(s.readErr)), true
			}
			return 0, false
		}
		d := s.dgrams[0]
		s.dgrams = s.dgrams[1:]
		return h.Tuple(term.AtomOk, h.Tuple(addrTerm(h, d.from.Addr()), term.MakeSmall(int64(d.from.Port())), dataTerm(h, d.data, s.opts.list))), true
	}
	pkt, n, perr := s.opts.frame(s.buf, length, s.readErr != nil)
	switch {
	case perr != 0:
		return errorTuple(h, perr), true
	case n > 0:
		data := append([]byte(nil), pkt...)
		if n == len(s.buf) {
			s.buf = s.buf[:0]
		} else {
			s.buf = s.buf[n:]
		}
		return h.Tuple(term.AtomOk, dataTerm(h, data, s.opts.list)), true
	case s.readErr != nil:
		s.endSent = true
		return errorTuple(h, closeReason(s.readErr)), true
	}
	return 0, false
}

func nifNetCancel(p *Process, args []term.Term) term.Term {
	s, ok := p.sockArg(args[0])
	if !ok || !p.heap.IsRef(args[1]) {
		return p.Badarg()
	}
	if s == nil {
		return term.False
	}
	return term.Bool(s.cancel(p.heap.RefID(args[1])))
}

func nifNetSend(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	if !ok || !h.IsRef(args[2]) {
		return p.Badarg()
	}
	data, ok := iodataBytes(h, args[1])
	if !ok {
		return p.Badarg()
	}
	switch {
	case s == nil:
		return errorTuple(h, atomClosed)
	case s.kind != kindStream:
		return errorTuple(h, atomEnotconn)
	case s.peerGone():
		return errorTuple(h, atomClosed)
	}
	s.mu.Lock()
	hdr, fits := s.opts.header(len(data))
	shut := s.shut
	s.mu.Unlock()
	if shut {
		return errorTuple(h, atomEnotconn)
	}
	if !fits {
		return errorTuple(h, atomEinval)
	}
	if hdr != nil {
		data = append(hdr, data...)
	}
	return s.write(p, data, netip.AddrPort{}, args[2])
}

func nifNetUDPOpen(p *Process, args []term.Term) term.Term {
	port, ok := portArg(args[0])
	if !ok {
		return p.Badarg()
	}
	o := defaultOpts()
	if r := o.parse(p.heap, args[1], kindDgram, true); r != optOK {
		return p.optsResult(r)
	}
	if port == 0 {
		port = o.port
	}
	lc := net.ListenConfig{Control: socketControl(o)}
	pc, err := lc.ListenPacket(context.Background(), o.network("udp"), o.localAddr(port).String())
	if err != nil {
		return errorTuple(p.heap, errnoAtom(err))
	}
	s := newSock(p.m, kindDgram, p.id, o)
	s.udp = pc.(*net.UDPConn)
	if err := s.applyOptsLocked(); err != nil {
		pc.Close()
		return errorTuple(p.heap, errnoAtom(err))
	}
	p.m.net.add(s)
	s.mu.Lock()
	s.startLocked()
	s.mu.Unlock()
	return p.heap.Tuple(term.AtomOk, s.port())
}

func nifNetSendTo(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	addr, aok := addrArg(h, args[1])
	port, pok := portArg(args[2])
	if !ok || !aok || !pok || !h.IsRef(args[4]) {
		return p.Badarg()
	}
	data, ok := iodataBytes(h, args[3])
	if !ok {
		return p.Badarg()
	}
	if s != nil && s.kind == kindNewDgram {
		// The socket module's sendto binds an unbound socket to any port.
		if r := s.bindDgram(p, netip.Addr{}, 0); r != term.AtomOk {
			return r
		}
		s = p.m.net.get(s.id)
	}
	switch {
	case s == nil:
		return errorTuple(h, atomClosed)
	case s.kind != kindDgram:
		return errorTuple(h, atomEinval)
	}
	if s.opts.inet6 && addr.Is4() {
		addr = netip.AddrFrom16(addr.As16())
	} else if !s.opts.inet6 && !addr.Unmap().Is4() {
		return errorTuple(h, term.Atom("eafnosupport"))
	}
	return s.write(p, data, netip.AddrPortFrom(addr.Unmap(), uint16(port)), args[4])
}

func nifNetClose(p *Process, args []term.Term) term.Term {
	s, ok := p.sockArg(args[0])
	if !ok {
		return p.Badarg()
	}
	if s != nil {
		s.close()
	}
	return term.AtomOk
}

func nifNetShutdown(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	if !ok {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomClosed)
	}
	if s.kind != kindStream {
		return errorTuple(h, atomEnotconn)
	}
	var err error
	switch term.AtomName(args[1]) {
	case "read":
		err = s.conn.CloseRead()
	case "write":
		err = s.conn.CloseWrite()
	case "read_write":
		if err = s.conn.CloseRead(); err == nil {
			err = s.conn.CloseWrite()
		}
	default:
		return p.Badarg()
	}
	if err != nil {
		return errorTuple(h, errnoAtom(err))
	}
	return term.AtomOk
}

func nifNetSetopts(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	if !ok {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomEinval)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errorTuple(h, atomEinval)
	}
	o := s.opts
	if o.parse(h, args[1], s.kind, false) != optOK {
		return errorTuple(h, atomEinval)
	}
	if o.ranOut {
		o.ranOut = false
		tag := atomTCPPassive
		if s.kind == kindDgram {
			tag = atomUDPPassive
		}
		s.m.sendTo(s.owner, func(h *term.Heap) term.Term { return h.Tuple(tag, s.port()) })
	}
	s.opts = o
	if err := s.applyOptsLocked(); err != nil {
		return errorTuple(h, errnoAtom(err))
	}
	switch s.kind {
	case kindStream:
		s.dispatchStreamLocked()
	case kindDgram:
		s.dispatchDgramsLocked()
	}
	s.startLocked()
	return term.AtomOk
}

func nifNetGetopts(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	names, lok := h.ListToSlice(args[1])
	if !ok || !lok {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomEinval)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]term.Term, 0, len(names))
	for _, n := range names {
		if size, ok := s.kernelBufSize(n); ok {
			out = append(out, h.Tuple(n, term.MakeSmall(int64(size))))
			continue
		}
		v, ok := s.opts.get(h, n, s.kind)
		if !n.IsAtom() || !ok {
			return errorTuple(h, atomEinval)
		}
		out = append(out, v)
	}
	return h.Tuple(term.AtomOk, h.List(out...))
}

// addrOf is the address of a local or remote end.
func (s *netSock) addrOf(a net.Addr) netip.AddrPort {
	var ap netip.AddrPort
	switch a := a.(type) {
	case *net.TCPAddr:
		ap = a.AddrPort()
	case *net.UDPAddr:
		ap = a.AddrPort()
	}
	return unmapFor(ap, s.opts.inet6)
}

func nifNetSockname(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	if !ok {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomEinval)
	}
	var a net.Addr
	switch {
	case s.kind == kindNewStream || s.kind == kindNewDgram:
		s.mu.Lock()
		defer s.mu.Unlock()
		return h.Tuple(term.AtomOk, addrPortTerm(h, s.opts.localAddr(s.opts.port)))
	case s.ln != nil:
		a = s.ln.Addr()
	case s.conn != nil:
		a = s.conn.LocalAddr()
	default:
		a = s.udp.LocalAddr()
	}
	return h.Tuple(term.AtomOk, addrPortTerm(h, s.addrOf(a)))
}

func nifNetPeername(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	if !ok {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomEinval)
	}
	if s.conn == nil {
		return errorTuple(h, atomEnotconn)
	}
	return h.Tuple(term.AtomOk, addrPortTerm(h, s.addrOf(s.conn.RemoteAddr())))
}

func nifNetControllingProcess(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	if !ok || !args[1].IsPid() {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomClosed)
	}
	to := args[1].PidID()
	s.mu.Lock()
	owner := s.owner
	s.mu.Unlock()
	switch {
	case owner != p.id:
		return errorTuple(h, atomNotOwner)
	case to == owner:
		return term.AtomOk
	case p.m.process(to) == nil:
		return errorTuple(h, term.AtomBadarg)
	}
	t := &p.m.net
	t.mu.Lock()
	t.disownLocked(s, owner)
	t.ownLocked(s, to)
	t.mu.Unlock()
	s.mu.Lock()
	s.owner = to
	s.mu.Unlock()
	if p.m.process(to) == nil { // it exited meanwhile: nobody else will close the socket
		s.close()
	}
	return term.AtomOk
}

func nifNetOwner(p *Process, args []term.Term) term.Term {
	s, ok := p.sockArg(args[0])
	if !ok {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(p.heap, atomClosed)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return p.heap.Tuple(term.AtomOk, term.MakePid(s.owner))
}

func nifNetGetaddrs(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !h.IsRef(args[2]) {
		return p.Badarg()
	}
	var inet6 bool
	switch args[1] {
	case atomInet:
	case atomInet6:
		inet6 = true
	default:
		return errorTuple(h, atomEinval)
	}
	if a, ok := addrArg(h, args[0]); ok {
		if a.Is6() != inet6 {
			return errorTuple(h, atomNxdomain)
		}
		return h.Tuple(term.AtomOk, h.List(args[0]))
	}
	host, ok := hostArg(h, args[0])
	if !ok {
		return errorTuple(h, atomEinval)
	}
	if a, ok := parseIPAddress(host); ok {
		if a.Is6() != inet6 {
			return errorTuple(h, atomNxdomain)
		}
		return h.Tuple(term.AtomOk, h.List(addrTerm(h, a)))
	}
	m, owner, ref := p.m, p.id, h.RefID(args[2])
	go func() {
		addrs, err := resolve(context.Background(), host, inet6)
		m.reply(waiter{pid: owner, ref: ref}, func(h *term.Heap) term.Term {
			if err != nil {
				return errorTuple(h, errnoAtom(err))
			}
			ts := make([]term.Term, len(addrs))
			for i, a := range addrs {
				ts[i] = addrTerm(h, a)
			}
			return h.Tuple(term.AtomOk, h.List(ts...))
		})
	}()
	return atomWait
}

func nifNetGethostname(p *Process, _ []term.Term) term.Term {
	name, err := os.Hostname()
	if err != nil {
		return errorTuple(p.heap, errnoAtom(err))
	}
	name, _, _ = strings.Cut(name, ".")
	return p.heap.Tuple(term.AtomOk, charList(p.heap, name))
}

func nifNetHostIPv4(p *Process, _ []term.Term) term.Term {
	h := p.heap
	addr, mask := hostIPv4()
	return h.Tuple(addrTerm(h, addr), addrTerm(h, mask), addrTerm(h, defaultGateway()))
}

// hostIPv4 is the address and netmask of the first interface that is up
// and not a loopback, else 127.0.0.1/8.
func hostIPv4() (addr, mask netip.Addr) {
	ifaces, _ := net.Interfaces()
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok || ipn.IP.To4() == nil || len(ipn.Mask) != net.IPv4len {
				continue
			}
			addr, _ := netip.AddrFromSlice(ipn.IP.To4())
			mask, _ := netip.AddrFromSlice(ipn.Mask)
			return addr, mask
		}
	}
	return netip.AddrFrom4([4]byte{127, 0, 0, 1}), netip.AddrFrom4([4]byte{255, 0, 0, 0})
}

// defaultGateway reads the default route from Linux's /proc/net/route;
// 0.0.0.0 elsewhere or when there is none.
func defaultGateway() netip.Addr {
	none := netip.IPv4Unspecified()
	data, err := os.ReadFile("/proc/net/route")
	if err != nil {
		return none
	}
	for _, line := range strings.Split(string(data), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) < 3 || f[1] != "00000000" {
			continue
		}
		// The gateway is the address's 32 bits read as a number in host order.
		v, err := strconv.ParseUint(f[2], 16, 32)
		if err != nil {
			continue
		}
		var b [4]byte
		binary.NativeEndian.PutUint32(b[:], uint32(v))
		return netip.AddrFrom4(b)
	}
	return none
}

// newStreamSock makes the socket of a connection, owned by owner, and
// starts reading when its options ask for it.
func (m *Machine) newStreamSock(c *net.TCPConn, owner uint64, opts sockOpts) *netSock {
	s := newSock(m, kindStream, owner, opts)
	s.conn = c
	// The listener or connect took these options already: they apply.
	s.applyOptsLocked()
	if s.register() {
		s.mu.Lock()
		s.startLocked()
		s.mu.Unlock()
	}
	return s
}
