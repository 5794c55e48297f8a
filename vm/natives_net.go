package vm

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/avmtool/avm/vm/term"
)

// Sockets on the host's network, for gen_tcp, gen_udp, inet and socket
// (vm/stdlib/*.erl), which are written in Erlang on top of the natives of
// the internal module avm_net.
//
// A socket is a port term, #Port<0.N>, as in OTP. No native ever waits:
// reading, accepting and connecting happen in goroutines, which send the
// results as messages. A stream or datagram socket has one reader goroutine
// that reads while someone wants data (an active mode, or a passive recv
// waiting) and, beyond that, only a little ahead (readAhead), so that a
// passive socket leaves the rest in the kernel, as OTP's do; what it read
// is framed (the packet option) and delivered to the waiting recv or, in an
// active mode, to the controlling process as {tcp, S, Data}; a recv that
// finds its packet already read answers at once. A listening socket has an
// acceptor goroutine, running while an accept waits.
//
// Calls that may wait take a reference Ref from the caller and either
// answer at once or return `wait`; the answer then comes as the message
// {Ref, Result}, and the Erlang side waits for it in a receive, so only the
// calling process waits. A socket closes when its controlling process exits
// (netTable.closeOwnedBy, from Process.exit).

// netTable is a machine's sockets, by port number and by owner.
type netTable struct {
	used    atomic.Bool // a socket was ever made: exits must look here
	mu      sync.Mutex
	next    uint64
	socks   map[uint64]*netSock
	byOwner map[uint64]map[uint64]*netSock
}

func (t *netTable) add(s *netSock) {
	t.used.Store(true)
	t.mu.Lock()
	if t.socks == nil {
		t.socks = map[uint64]*netSock{}
		t.byOwner = map[uint64]map[uint64]*netSock{}
	}
	t.next++
	s.id = t.next
	t.socks[s.id] = s
	t.ownLocked(s, s.owner)
	t.mu.Unlock()
}

func (t *netTable) ownLocked(s *netSock, owner uint64) {
	own := t.byOwner[owner]
	if own == nil {
		own = map[uint64]*netSock{}
		t.byOwner[owner] = own
	}
	own[s.id] = s
}

func (t *netTable) disownLocked(s *netSock, owner uint64) {
	if own := t.byOwner[owner]; own != nil {
		delete(own, s.id)
		if len(own) == 0 {
			delete(t.byOwner, owner)
		}
	}
}

// replace puts s in the place of old, a socket of the socket module that
// became a listening, connected or bound one; false when old was closed
// meanwhile (s is then not entered).
func (t *netTable) replace(old, s *netSock) bool {
	old.mu.Lock()
	closed := old.closed
	old.closed = true
	s.owner = old.owner
	old.mu.Unlock()
	if closed {
		return false
	}
	t.mu.Lock()
	s.id = old.id
	t.socks[s.id] = s
	t.ownLocked(s, s.owner)
	t.mu.Unlock()
	if s.m.process(s.owner) == nil {
		s.close()
		return true
	}
	s.mu.Lock()
	s.startLocked()
	s.mu.Unlock()
	return true
}

func (t *netTable) get(id uint64) *netSock {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.socks[id]
}

func (t *netTable) remove(s *netSock, owner uint64) {
	t.mu.Lock()
	delete(t.socks, s.id)
	t.disownLocked(s, owner)
	t.mu.Unlock()
}

// closeOwnedBy closes the sockets of process pid, which exited.
func (t *netTable) closeOwnedBy(pid uint64) {
	if !t.used.Load() {
		return
	}
	t.mu.Lock()
	var socks []*netSock
	for _, s := range t.byOwner[pid] {
		socks = append(socks, s)
	}
	t.mu.Unlock()
	for _, s := range socks {
		s.close()
	}
}

// closeAll closes every socket, when the machine stops.
func (t *netTable) closeAll() {
	if !t.used.Load() {
		return
	}
	t.mu.Lock()
	var socks []*netSock
	for _, s := range t.socks {
		socks = append(socks, s)
	}
	t.mu.Unlock()
	for _, s := range socks {
		s.close()
	}
}

type sockKind uint8

const (
	kindListen sockKind = iota // a listening TCP socket
	kindStream                 // a connected TCP socket
	kindDgram                  // a UDP socket
	// Sockets of the socket module before bind, listen or connect: they
	// hold options and the address to bind until the socket they become
	// takes their place (netTable.replace).
	kindNewStream
	kindNewDgram
)

// netSock is one socket.
type netSock struct {
	m    *Machine
	id   uint64
	kind sockKind
	ln   *net.TCPListener
	conn *net.TCPConn
	udp  *net.UDPConn
	wmu  sync.Mutex // one write at a time, so that messages do not interleave

	mu       sync.Mutex
	wake     sync.Cond // the reader or acceptor waits on it for demand
	owner    uint64    // the controlling process
	opts     sockOpts
	closed   bool // closed by close/1 or by its owner's exit
	started  bool // the reader or acceptor goroutine is running
	buf      []byte
	dgrams   []datagram
	readErr  error // why the reader stopped: io.EOF when the peer closed
	endSent  bool  // the end of the stream was reported to the owner or a recv
	shut     bool  // {send_timeout_close, true} ended the connection
	waiters  []waiter
	accepted []*net.TCPConn // accepted while nobody waited (an accept timed out)
}

// waiter is a passive recv or an accept waiting for its answer.
type waiter struct {
	pid, ref uint64
	length   int
}

type datagram struct {
	from netip.AddrPort
	data []byte
}

func newSock(m *Machine, kind sockKind, owner uint64, opts sockOpts) *netSock {
	s := &netSock{m: m, kind: kind, owner: owner, opts: opts}
	s.wake.L = &s.mu
	return s
}

// register enters s in the machine's table under its owner; when the owner
// has already exited, s is closed instead, as its exit could not close it.
func (s *netSock) register() bool {
	s.m.net.add(s)
	if s.m.process(s.owner) == nil {
		s.close()
		return false
	}
	return true
}

func (s *netSock) port() term.Term { return term.MakePort(s.id) }

// close closes the socket; waiting calls get {error, closed}.
func (s *netSock) close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	owner := s.owner
	waiters := s.waiters
	s.waiters = nil
	accepted := s.accepted
	s.accepted = nil
	s.wake.Broadcast()
	s.mu.Unlock()
	switch {
	case s.ln != nil:
		s.ln.Close()
	case s.conn != nil:
		s.conn.Close()
	case s.udp != nil:
		s.udp.Close()
	}
	for _, c := range accepted {
		c.Close()
	}
	for _, w := range waiters {
		s.m.reply(w, func(h *term.Heap) term.Term { return errorTuple(h, atomClosed) })
	}
	s.m.net.remove(s, owner)
}

// sendTo sends the message build makes, on a heap of its own, to process
// pid; messages to exited processes vanish.
func (m *Machine) sendTo(pid uint64, build func(h *term.Heap) term.Term) {
	to := m.process(pid)
	if to == nil {
		return
	}
	h := term.NewHeap(16)
	to.deliver(envelope{kind: envMessage, heap: h, t: build(h)})
}

// reply answers a waiting call with {Ref, Result}.
func (m *Machine) reply(w waiter, result func(h *term.Heap) term.Term) {
	m.sendTo(w.pid, func(h *term.Heap) term.Term { return h.Tuple(h.Ref(w.ref), result(h)) })
}

// demandLocked reports whether someone wants data or connections.
func (s *netSock) demandLocked() bool {
	switch s.kind {
	case kindNewStream, kindNewDgram:
		return false
	case kindListen:
		return len(s.waiters) > 0
	}
	return len(s.waiters) > 0 || s.opts.active != passive
}

// startLocked starts the socket's reader or acceptor goroutine if there is
// demand, or wakes it.
func (s *netSock) startLocked() {
	if !s.wantsInputLocked() {
		return
	}
	if s.started {
		s.wake.Signal()
		return
	}
	s.started = true
	switch s.kind {
	case kindListen:
		go s.acceptLoop()
	case kindStream:
		go s.readStream()
	case kindDgram:
		go s.readDgrams()
	}
}

// wantsInputLocked reports whether the reader or acceptor should take
// more from the kernel: while someone waits, and, for a connected or
// datagram socket, until a little is read ahead, so that a recv finds its
// data at once and a request-response exchange costs one goroutine wake-up.
func (s *netSock) wantsInputLocked() bool {
	switch s.kind {
	case kindStream:
		return s.demandLocked() || len(s.buf) < readAhead
	case kindDgram:
		return s.demandLocked() || len(s.dgrams) < readAheadDgrams
	}
	return s.demandLocked()
}

// How much a passive socket reads before anyone asks.
const (
	readAhead       = 16 << 10
	readAheadDgrams = 16
)

// waitDemand blocks the goroutine until there is demand; false when the
// socket closed or the reader has finished.
func (s *netSock) waitDemandLocked() bool {
	for !s.closed && s.readErr == nil && !s.wantsInputLocked() {
		s.wake.Wait()
	}
	return !s.closed && s.readErr == nil
}

// readBufSize is what one read of a stream socket takes from the kernel.
const readBufSize = 16 << 10

func (s *netSock) readStream() {
	rbuf := make([]byte, readBufSize)
	for {
		s.mu.Lock()
		if !s.waitDemandLocked() {
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		n, err := s.conn.Read(rbuf)
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return
		}
		s.buf = append(s.buf, rbuf[:n]...)
		if err != nil {
			s.readErr = err
		}
		s.dispatchStreamLocked()
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// dispatchStreamLocked hands out the complete packets of the buffer:
// first to waiting recvs, then, in an active mode, to the controlling
// process; when the stream has ended it reports that.
func (s *netSock) dispatchStreamLocked() {
	s.dropGoneWaitersLocked()
	for s.demandLocked() {
		length := 0
		if len(s.waiters) > 0 {
			length = s.waiters[0].length
		}
		pkt, n, perr := s.opts.frame(s.buf, length, s.readErr != nil)
		if perr != 0 {
			s.failStreamLocked(perr)
			return
		}
		if n == 0 {
			if s.readErr != nil {
				s.endStreamLocked()
			}
			return
		}
		data := append([]byte(nil), pkt...)
		if n == len(s.buf) {
			s.buf = s.buf[:0]
		} else {
			s.buf = s.buf[n:]
		}
		if len(s.waiters) > 0 {
			w := s.waiters[0]
			s.waiters = s.waiters[1:]
			list := s.opts.list
			s.m.reply(w, func(h *term.Heap) term.Term { return h.Tuple(term.AtomOk, dataTerm(h, data, list)) })
			s.dropGoneWaitersLocked()
			continue
		}
		s.deliverActiveLocked(func(h *term.Heap) term.Term {
			return h.Tuple(atomTCP, s.port(), dataTerm(h, data, s.opts.list))
		}, atomTCPPassive)
	}
}

// deliverActiveLocked sends an active-mode message and counts it against
// {active, once} or {active, N}.
func (s *netSock) deliverActiveLocked(msg func(h *term.Heap) term.Term, passiveTag term.Term) {
	s.m.sendTo(s.owner, msg)
	switch s.opts.active {
	case activeOnce:
		s.opts.active = passive
	case activeN:
		s.opts.count--
		if s.opts.count <= 0 {
			s.opts.active, s.opts.count = passive, 0
			s.m.sendTo(s.owner, func(h *term.Heap) term.Term { return h.Tuple(passiveTag, s.port()) })
		}
	}
}

// endStreamLocked reports the end of the stream: waiting recvs get
// {error, closed}; in an active mode the owner gets {tcp_closed, S}
// (after {tcp_error, S, Reason} when it ended with an error).
func (s *netSock) endStreamLocked() {
	reason := closeReason(s.readErr)
	reported := s.endSent
	s.endSent = true
	for _, w := range s.waiters {
		s.m.reply(w, func(h *term.Heap) term.Term { return errorTuple(h, reason) })
	}
	s.waiters = nil
	if s.opts.active != passive && !reported {
		if reason != atomClosed {
			s.m.sendTo(s.owner, func(h *term.Heap) term.Term { return h.Tuple(atomTCPError, s.port(), reason) })
		}
		s.m.sendTo(s.owner, func(h *term.Heap) term.Term { return h.Tuple(atomTCPClosed, s.port()) })
	}
}

// failStreamLocked reports a framing error (a packet over packet_size).
func (s *netSock) failStreamLocked(reason term.Term) {
	if len(s.waiters) > 0 {
		w := s.waiters[0]
		s.waiters = s.waiters[1:]
		s.m.reply(w, func(h *term.Heap) term.Term { return errorTuple(h, reason) })
		return
	}
	s.m.sendTo(s.owner, func(h *term.Heap) term.Term { return h.Tuple(atomTCPError, s.port(), reason) })
	s.buf = s.buf[:0]
}

func (s *netSock) readDgrams() {
	rbuf := make([]byte, 65536)
	for {
		s.mu.Lock()
		if !s.waitDemandLocked() {
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		n, from, err := s.udp.ReadFromUDPAddrPort(rbuf)
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return
		}
		if err != nil {
			s.readErr = err
			s.mu.Unlock()
			return
		}
		s.dgrams = append(s.dgrams, datagram{from: unmapFor(from, s.opts.inet6), data: append([]byte(nil), rbuf[:n]...)})
		s.dispatchDgramsLocked()
		s.mu.Unlock()
	}
}

func (s *netSock) dispatchDgramsLocked() {
	s.dropGoneWaitersLocked()
	for len(s.dgrams) > 0 && s.demandLocked() {
		d := s.dgrams[0]
		s.dgrams = s.dgrams[1:]
		list := s.opts.list
		if len(s.waiters) > 0 {
			w := s.waiters[0]
			s.waiters = s.waiters[1:]
			s.m.reply(w, func(h *term.Heap) term.Term {
				return h.Tuple(term.AtomOk, h.Tuple(addrTerm(h, d.from.Addr()), term.MakeSmall(int64(d.from.Port())), dataTerm(h, d.data, list)))
			})
			s.dropGoneWaitersLocked()
			continue
		}
		s.deliverActiveLocked(func(h *term.Heap) term.Term {
			return h.Tuple(atomUDP, s.port(), addrTerm(h, d.from.Addr()), term.MakeSmall(int64(d.from.Port())), dataTerm(h, d.data, list))
		}, atomUDPPassive)
	}
}

func (s *netSock) acceptLoop() {
	for {
		s.mu.Lock()
		if !s.waitDemandLocked() {
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		c, err := s.ln.AcceptTCP()
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			if c != nil {
				c.Close()
			}
			return
		}
		if err != nil {
			// The listener failed: every accept gets the error, as will later ones.
			s.readErr = err
			reason := errnoAtom(err)
			for _, w := range s.waiters {
				s.m.reply(w, func(h *term.Heap) term.Term { return errorTuple(h, reason) })
			}
			s.waiters = nil
			s.mu.Unlock()
			return
		}
		s.dropGoneWaitersLocked()
		if len(s.waiters) == 0 {
			s.accepted = append(s.accepted, c)
			s.mu.Unlock()
			continue
		}
		w := s.waiters[0]
		s.waiters = s.waiters[1:]
		opts := s.opts.inherited()
		s.mu.Unlock()
		ns := s.m.newStreamSock(c, w.pid, opts)
		s.m.reply(w, func(h *term.Heap) term.Term { return h.Tuple(term.AtomOk, ns.port()) })
	}
}

// applyOptsLocked gives the socket's options to the kernel, which carries
// them out.
func (s *netSock) applyOptsLocked() error {
	if s.kind == kindNewStream || s.kind == kindNewDgram {
		return nil // taken when the socket is made, at bind, listen or connect
	}
	o := &s.opts
	if s.conn != nil {
		secs := -1 // no linger: close returns at once, the kernel sends what is left
		if o.linger {
			secs = o.lingerSecs
		}
		for _, err := range []error{s.conn.SetNoDelay(o.nodelay), s.conn.SetKeepAlive(o.keepalive), s.conn.SetLinger(secs)} {
			if err != nil {
				return err
			}
		}
	}
	return s.applyKernelOpts(o)
}

// dropGoneWaitersLocked forgets the first waiting calls while their
// processes have exited (killed while waiting), so that what arrives goes
// to a live one.
func (s *netSock) dropGoneWaitersLocked() {
	for len(s.waiters) > 0 && s.m.process(s.waiters[0].pid) == nil {
		s.waiters = s.waiters[1:]
	}
}

// cancel withdraws the waiting call ref; false when it was already answered.
func (s *netSock) cancel(ref uint64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, w := range s.waiters {
		if w.ref == ref {
			s.waiters = append(s.waiters[:i], s.waiters[i+1:]...)
			return true
		}
	}
	return false
}

// peerGone reports whether the end of the stream was reported, so that
// sends fail with closed as OTP's do from then on (exit_on_close).
func (s *netSock) peerGone() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.endSent && s.opts.exitOnClose
}

// write sends data on a stream or (to dest) datagram socket. It writes at
// once when the socket can take the data without waiting; otherwise a
// goroutine finishes the write and answers {Ref, Result}, and write
// returns `wait`.
func (s *netSock) write(p *Process, data []byte, dest netip.AddrPort, ref term.Term) term.Term {
	if s.wmu.TryLock() {
		n, err := s.tryWrite(data, dest)
		if err == nil && n == len(data) {
			s.wmu.Unlock()
			return term.AtomOk
		}
		if err != nil && !errors.Is(err, errWouldBlock) {
			s.wmu.Unlock()
			return errorTuple(p.heap, writeErrReason(err))
		}
		go s.finishWrite(p.id, p.heap.RefID(ref), data[n:], dest, true)
		return atomWait
	}
	go s.finishWrite(p.id, p.heap.RefID(ref), data, dest, false)
	return atomWait
}

// finishWrite writes in a goroutine what the kernel could not take at
// once, within {send_timeout, Ms}, closing the socket at the timeout when
// {send_timeout_close, true}.
func (s *netSock) finishWrite(pid, ref uint64, data []byte, dest netip.AddrPort, locked bool) {
	if !locked {
		s.wmu.Lock()
	}
	s.mu.Lock()
	timeout, closeOnTimeout := s.opts.sendTimeout, s.opts.sendTimeoutClose
	s.mu.Unlock()
	var err error
	if s.udp != nil {
		_, err = s.udp.WriteToUDPAddrPort(data, dest)
	} else {
		if timeout >= 0 {
			s.conn.SetWriteDeadline(time.Now().Add(time.Duration(timeout) * time.Millisecond))
		}
		_, err = s.conn.Write(data)
		if timeout >= 0 {
			s.conn.SetWriteDeadline(time.Time{})
		}
	}
	s.wmu.Unlock()
	if closeOnTimeout && errors.Is(err, os.ErrDeadlineExceeded) {
		// The connection ends; the socket stays until closed, not connected.
		s.mu.Lock()
		s.shut = true
		s.mu.Unlock()
		s.conn.Close()
	}
	s.m.reply(waiter{pid: pid, ref: ref}, func(h *term.Heap) term.Term {
		if err != nil {
			return errorTuple(h, writeErrReason(err))
		}
		return term.AtomOk
	})
}

var errWouldBlock = errors.New("write would block")

// dial connects to the first of addrs that answers, until ctx ends.
func dial(ctx context.Context, addrs []netip.AddrPort, opts sockOpts) (*net.TCPConn, error) {
	var d net.Dialer
	if opts.ip.IsValid() || opts.port != 0 {
		d.LocalAddr = net.TCPAddrFromAddrPort(netip.AddrPortFrom(opts.ip, uint16(opts.port)))
	}
	var err error
	for _, a := range addrs {
		var c net.Conn
		c, err = d.DialContext(ctx, opts.network("tcp"), a.String())
		if err == nil {
			return c.(*net.TCPConn), nil
		}
	}
	return nil, err
}

// resolve returns the addresses of host of the family (inet6 or not).
func resolve(ctx context.Context, host string, inet6 bool) ([]netip.Addr, error) {
	if a, ok := parseIPAddress(host); ok {
		if a.Is4() == inet6 {
			return nil, errNxdomain
		}
		return []netip.Addr{a}, nil
	}
	network := "ip4"
	if inet6 {
		network = "ip6"
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, network, host)
	if err != nil || len(addrs) == 0 {
		return nil, errNxdomain
	}
	for i := range addrs {
		if !inet6 {
			addrs[i] = addrs[i].Unmap()
		}
	}
	return addrs, nil
}

var errNxdomain = errors.New("nxdomain")

func unmapFor(a netip.AddrPort, inet6 bool) netip.AddrPort {
	if inet6 {
		return a
	}
	return netip.AddrPortFrom(a.Addr().Unmap(), a.Port())
}

// dataTerm is received data as a binary, or a list in list mode.
func dataTerm(h *term.Heap, data []byte, list bool) term.Term {
	if list {
		return byteList(h, data, term.Nil)
	}
	return h.MakeBinary(data)
}

func errorTuple(h *term.Heap, reason term.Term) term.Term {
	return h.Tuple(term.AtomError, reason)
}

var (
	atomTCP        = term.Atom("tcp")
	atomTCPClosed  = term.Atom("tcp_closed")
	atomTCPError   = term.Atom("tcp_error")
	atomTCPPassive = term.Atom("tcp_passive")
	atomUDP        = term.Atom("udp")
	atomUDPPassive = term.Atom("udp_passive")
	atomClosed     = term.Atom("closed")
	atomWait       = term.Atom("wait")
	atomEinval     = term.Atom("einval")
	atomEnotconn   = term.Atom("enotconn")
	atomNotOwner   = term.Atom("not_owner")
	atomNxdomain   = term.Atom("nxdomain")
	atomEmsgsize   = term.Atom("emsgsize")
	atomInet       = term.Atom("inet")
	atomInet6      = term.Atom("inet6")
	atomRecbuf     = term.Atom("recbuf")
	atomSndbuf     = term.Atom("sndbuf")
)
