package vm

import (
	"context"
	"errors"
	"net"
	"net/netip"

	"github.com/avmtool/avm/vm/term"
)

// The natives under OTP's socket module (vm/stdlib/socket.erl), the subset
// AtomVM documents: a socket is opened before it is bound, and becomes a
// listening, connected or bound socket of natives_net.go, in the same
// port, on listen, connect or bind. socket.erl wraps the port as
// {'$socket', Port}; the other calls (accept, send, recv…) are avm_net's.

func init() {
	register("avm_net",
		Native{Function: "socket_open", Arity: 3, Fn: nifSocketOpen,
			Doc: "socket_open(Domain, Type, Protocol): {ok, S} of an unbound inet or inet6 stream or dgram socket, or {error, {invalid, What}}"},
		Native{Function: "socket_bind", Arity: 3, Fn: nifSocketBind,
			Doc: "socket_bind(S, Addr, Port): ok or {error, Reason}; a dgram socket binds at once, a stream socket when it listens or connects"},
		Native{Function: "socket_listen", Arity: 2, Fn: nifSocketListen,
			Doc: "socket_listen(S, Backlog): make an opened stream socket listen on its bound address; ok or {error, Reason}"},
		Native{Function: "socket_connect", Arity: 5, Fn: nifSocketConnect,
			Doc: "socket_connect(S, Addr, Port, Timeout, Ref): wait, then {Ref, ok | {error, Reason}} when the stream socket is connected"},
		Native{Function: "socket_type", Arity: 1, Fn: nifSocketType,
			Doc: "socket_type(S): {ok, stream | dgram}, or {error, closed}"},
	)
}

// socketOpts are the options of a socket module socket: passive and binary.
func socketOpts(inet6 bool) sockOpts {
	o := defaultOpts()
	o.active, o.list, o.inet6 = passive, false, inet6
	return o
}

func nifSocketOpen(p *Process, args []term.Term) term.Term {
	h := p.heap
	invalid := func(what string, v term.Term) term.Term {
		return errorTuple(h, h.Tuple(term.Atom("invalid"), h.Tuple(term.Atom(what), v)))
	}
	var inet6 bool
	switch args[0] {
	case atomInet:
	case atomInet6:
		inet6 = true
	default:
		return invalid("domain", args[0])
	}
	var kind sockKind
	proto := term.AtomName(args[2])
	switch term.AtomName(args[1]) {
	case "stream":
		kind = kindNewStream
		if proto != "tcp" && proto != "default" && proto != "ip" {
			return invalid("protocol", args[2])
		}
	case "dgram":
		kind = kindNewDgram
		if proto != "udp" && proto != "default" && proto != "ip" {
			return invalid("protocol", args[2])
		}
	default:
		return invalid("type", args[1])
	}
	s := newSock(p.m, kind, p.id, socketOpts(inet6))
	p.m.net.add(s)
	return h.Tuple(term.AtomOk, s.port())
}

// addrOrName reads a bind or connect address: a tuple, any or loopback.
func (o *sockOpts) addrOrName(h *term.Heap, t term.Term) bool {
	saved := o.inet6
	if o.setIP(h, t) != optOK {
		return false
	}
	if o.ip.IsValid() && o.ip.Is6() != saved {
		o.inet6 = saved
		return false
	}
	return true
}

func nifSocketBind(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	port, pok := portArg(args[2])
	if !ok || !pok {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomClosed)
	}
	s.mu.Lock()
	o := s.opts
	s.mu.Unlock()
	if !o.addrOrName(h, args[1]) {
		return errorTuple(h, atomEinval)
	}
	switch s.kind {
	case kindNewStream:
		s.mu.Lock()
		s.opts.ip, s.opts.port = o.ip, port
		s.mu.Unlock()
		return term.AtomOk
	case kindNewDgram:
		return s.bindDgram(p, o.ip, port)
	}
	return errorTuple(h, atomEinval)
}

// bindDgram makes the UDP socket an opened dgram socket becomes.
func (s *netSock) bindDgram(p *Process, ip netip.Addr, port int) term.Term {
	s.mu.Lock()
	o := s.opts
	s.mu.Unlock()
	o.ip, o.port = ip, port
	lc := net.ListenConfig{Control: socketControl(o)}
	pc, err := lc.ListenPacket(context.Background(), o.network("udp"), o.localAddr(port).String())
	if err != nil {
		return errorTuple(p.heap, errnoAtom(err))
	}
	ns := newSock(s.m, kindDgram, 0, o)
	ns.udp = pc.(*net.UDPConn)
	if err := ns.applyOptsLocked(); err != nil {
		pc.Close()
		return errorTuple(p.heap, errnoAtom(err))
	}
	if !s.m.net.replace(s, ns) {
		pc.Close()
		return errorTuple(p.heap, atomClosed)
	}
	return term.AtomOk
}

func nifSocketListen(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	backlog, bok := smallArg(args[1])
	if !ok || !bok || backlog < 0 {
		return p.Badarg()
	}
	switch {
	case s == nil:
		return errorTuple(h, atomClosed)
	case s.kind == kindListen:
		return term.AtomOk
	case s.kind != kindNewStream:
		return errorTuple(h, term.Atom("eopnotsupp"))
	}
	s.mu.Lock()
	o := s.opts
	s.mu.Unlock()
	o.backlog = int(backlog)
	lc := net.ListenConfig{Control: socketControl(o)}
	ln, err := lc.Listen(context.Background(), o.network("tcp"), o.localAddr(o.port).String())
	if err != nil {
		return errorTuple(h, errnoAtom(err))
	}
	ns := newSock(s.m, kindListen, 0, o)
	ns.ln = ln.(*net.TCPListener)
	if err := errors.Join(ns.setBacklog(o.backlog), ns.applyOptsLocked()); err != nil {
		ln.Close()
		return errorTuple(h, errnoAtom(err))
	}
	if !s.m.net.replace(s, ns) {
		ln.Close()
		return errorTuple(h, atomClosed)
	}
	return term.AtomOk
}

func nifSocketConnect(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	port, pok := portArg(args[2])
	if !ok || !pok || !h.IsRef(args[4]) {
		return p.Badarg()
	}
	timeout, limited, ok := timeoutArg(args[3])
	if !ok {
		return p.Badarg()
	}
	switch {
	case s == nil:
		return errorTuple(h, atomClosed)
	case s.kind == kindStream:
		return errorTuple(h, term.Atom("eisconn"))
	case s.kind != kindNewStream:
		return errorTuple(h, term.Atom("eopnotsupp"))
	}
	addr, ok := addrArg(h, args[1])
	s.mu.Lock()
	o := s.opts
	s.mu.Unlock()
	if !ok || addr.Is6() != o.inet6 {
		return errorTuple(h, atomEinval)
	}
	m, ref := p.m, h.RefID(args[4])
	w := waiter{pid: p.id, ref: ref}
	go func() {
		ctx := context.Background()
		if limited {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, timeout)
			defer cancel()
		}
		c, err := dial(ctx, []netip.AddrPort{netip.AddrPortFrom(addr, uint16(port))}, o)
		if err != nil {
			m.reply(w, func(h *term.Heap) term.Term { return errorTuple(h, errnoAtom(err)) })
			return
		}
		ns := newSock(m, kindStream, 0, o)
		ns.conn = c
		ns.applyOptsLocked() // the options were taken by the socket before
		if !m.net.replace(s, ns) {
			c.Close()
			m.reply(w, func(h *term.Heap) term.Term { return errorTuple(h, atomClosed) })
			return
		}
		m.reply(w, func(h *term.Heap) term.Term { return term.AtomOk })
	}()
	return atomWait
}

func nifSocketType(p *Process, args []term.Term) term.Term {
	h := p.heap
	s, ok := p.sockArg(args[0])
	if !ok {
		return p.Badarg()
	}
	if s == nil {
		return errorTuple(h, atomClosed)
	}
	t := term.Atom("stream")
	if s.kind == kindDgram || s.kind == kindNewDgram {
		t = term.Atom("dgram")
	}
	return h.Tuple(term.AtomOk, t)
}
