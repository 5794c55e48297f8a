//go:build !unix

package vm

import (
	"net/netip"
	"syscall"
)

// Without Unix sockets' non-blocking writes, every send goes through a
// goroutine, and the listen backlog and pre-bind options are the system's.

func (s *netSock) tryWrite(data []byte, dest netip.AddrPort) (int, error) {
	return 0, errWouldBlock
}

func (s *netSock) setBacklog(n int) error { return nil }

func socketControl(o sockOpts) func(network, address string, c syscall.RawConn) error {
	return nil
}
