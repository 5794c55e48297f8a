//go:build !unix

package vm

import (
	"net/netip"
	"syscall"

	"github.com/avmtool/avm/vm/term"
)

// Without Unix sockets' non-blocking writes, every send goes through a
// goroutine; the listen backlog, buffer sizes, broadcast and type of
// service are the system's.

func (s *netSock) tryWrite(data []byte, dest netip.AddrPort) (int, error) {
	return 0, errWouldBlock
}

func (s *netSock) setBacklog(n int) error { return nil }

func socketControl(o sockOpts) func(network, address string, c syscall.RawConn) error {
	return nil
}

func (s *netSock) applyKernelOpts(o *sockOpts) error { return nil }

func (s *netSock) kernelBufSize(name term.Term) (int, bool) { return 0, false }
