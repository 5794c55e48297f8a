//go:build unix

package vm

import (
	"errors"
	"net/netip"
	"syscall"

	"github.com/avmtool/avm/vm/term"
)

// tryWrite writes what the socket takes now, without waiting: it returns
// the bytes written, and errWouldBlock when the kernel's buffer is full.
func (s *netSock) tryWrite(data []byte, dest netip.AddrPort) (int, error) {
	var rc syscall.RawConn
	var err error
	if s.udp != nil {
		rc, err = s.udp.SyscallConn()
	} else {
		rc, err = s.conn.SyscallConn()
	}
	if err != nil {
		return 0, err
	}
	var sa syscall.Sockaddr
	if s.udp != nil {
		sa = sockaddr(dest)
	}
	written := 0
	var werr error
	// The function returns true every time, so that the runtime never waits
	// for the socket to become writable: a slow write goes to a goroutine.
	// It runs at least once, since an empty datagram is still sent.
	err = rc.Write(func(fd uintptr) bool {
		for {
			var n int
			if sa != nil {
				werr = syscall.Sendto(int(fd), data, 0, sa)
				n = len(data)
			} else {
				n, werr = syscall.Write(int(fd), data[written:])
			}
			if errors.Is(werr, syscall.EINTR) {
				continue
			}
			if werr != nil {
				if errors.Is(werr, syscall.EAGAIN) {
					werr = errWouldBlock
				}
				return true
			}
			written += n
			if written == len(data) {
				return true
			}
		}
	})
	if err != nil {
		return written, err
	}
	return written, werr
}

func sockaddr(a netip.AddrPort) syscall.Sockaddr {
	if a.Addr().Is4() {
		return &syscall.SockaddrInet4{Port: int(a.Port()), Addr: a.Addr().As4()}
	}
	return &syscall.SockaddrInet6{Port: int(a.Port()), Addr: a.Addr().As16()}
}

// setBacklog sets the listen queue length of a listening socket: Go listens
// with the system's maximum, and listen(2) again changes it.
func (s *netSock) setBacklog(n int) error {
	rc, err := s.ln.SyscallConn()
	if err != nil {
		return err
	}
	var lerr error
	err = rc.Control(func(fd uintptr) { lerr = syscall.Listen(int(fd), n) })
	if err != nil {
		return err
	}
	return lerr
}

// socketControl sets the socket options that must precede bind:
// SO_REUSEADDR ({reuseaddr, true}; Go sets it on TCP listeners already) and
// SO_BROADCAST.
func socketControl(o sockOpts) func(network, address string, c syscall.RawConn) error {
	return func(network, address string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) {
			if o.reuseaddr {
				serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
			}
			if serr == nil && o.broadcast {
				serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_BROADCAST, 1)
			}
		})
		if err != nil {
			return err
		}
		return serr
	}
}

// rawConn is the socket's file descriptor access.
func (s *netSock) rawConn() (syscall.RawConn, error) {
	switch {
	case s.ln != nil:
		return s.ln.SyscallConn()
	case s.conn != nil:
		return s.conn.SyscallConn()
	case s.udp != nil:
		return s.udp.SyscallConn()
	}
	return nil, syscall.EBADF
}

// applyKernelOpts sets the buffer sizes, SO_BROADCAST of a UDP socket and
// the IPv4 type of service.
func (s *netSock) applyKernelOpts(o *sockOpts) error {
	rc, err := s.rawConn()
	if err != nil {
		return err
	}
	var serr error
	set := func(fd uintptr, level, opt, v int) {
		if serr == nil {
			serr = syscall.SetsockoptInt(int(fd), level, opt, v)
		}
	}
	err = rc.Control(func(fd uintptr) {
		if o.recbuf > 0 {
			set(fd, syscall.SOL_SOCKET, syscall.SO_RCVBUF, o.recbuf)
		}
		if o.sndbuf > 0 {
			set(fd, syscall.SOL_SOCKET, syscall.SO_SNDBUF, o.sndbuf)
		}
		if s.udp != nil {
			broadcast := 0
			if o.broadcast {
				broadcast = 1
			}
			set(fd, syscall.SOL_SOCKET, syscall.SO_BROADCAST, broadcast)
		}
		if o.tos > 0 && !o.inet6 {
			set(fd, syscall.IPPROTO_IP, syscall.IP_TOS, o.tos)
		}
	})
	if err != nil {
		return err
	}
	return serr
}

// kernelBufSize reads recbuf or sndbuf as the kernel has it, as OTP's
// getopts reports them.
func (s *netSock) kernelBufSize(name term.Term) (int, bool) {
	var opt int
	switch name {
	case atomRecbuf:
		opt = syscall.SO_RCVBUF
	case atomSndbuf:
		opt = syscall.SO_SNDBUF
	default:
		return 0, false
	}
	rc, err := s.rawConn()
	if err != nil {
		return 0, false
	}
	var v int
	var gerr error
	if err := rc.Control(func(fd uintptr) { v, gerr = syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, opt) }); err != nil || gerr != nil {
		return 0, false
	}
	return v, true
}
