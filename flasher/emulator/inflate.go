package emulator

import (
	"compress/zlib"
	"io"
	"sync"
)

// inflater decompresses a zlib stream that arrives block by block, as the
// ROM does for FLASH_DEFL_DATA. compress/zlib pulls its input, so it runs
// in a goroutine reading from a feeder; push hands it one block and
// returns once the decompressor has consumed it and waits for more.
type inflater struct {
	mu      sync.Mutex
	cond    *sync.Cond
	in      []byte
	out     []byte
	waiting bool // the decompressor is blocked for input
	closed  bool // no more input will come
	done    bool // the decompressor has stopped
	err     error
}

func newInflater() *inflater {
	f := &inflater{}
	f.cond = sync.NewCond(&f.mu)
	go f.run()
	return f
}

func (f *inflater) run() {
	var err error
	zr, err := zlib.NewReader(f)
	if err == nil {
		buf := make([]byte, 32<<10)
		for {
			n, rerr := zr.Read(buf)
			f.mu.Lock()
			f.out = append(f.out, buf[:n]...)
			f.mu.Unlock()
			if rerr != nil {
				if rerr != io.EOF {
					err = rerr
				}
				break
			}
		}
	}
	f.mu.Lock()
	f.done = true
	f.err = err
	f.cond.Broadcast()
	f.mu.Unlock()
}

// Read is the decompressor's input.
func (f *inflater) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.in) == 0 && !f.closed {
		f.waiting = true
		f.cond.Broadcast()
		f.cond.Wait()
	}
	f.waiting = false
	if len(f.in) == 0 {
		return 0, io.ErrUnexpectedEOF
	}
	n := copy(p, f.in)
	f.in = f.in[n:]
	return n, nil
}

// push feeds a block and returns the bytes it decompressed to, whether the
// stream has ended, and the decompressor's error, if any.
func (f *inflater) push(b []byte) (out []byte, ended bool, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.in = append(f.in, b...)
	f.cond.Broadcast()
	for !f.done && !(f.waiting && len(f.in) == 0) {
		f.cond.Wait()
	}
	out, f.out = f.out, nil
	return out, f.done, f.err
}

// close stops the decompressor.
func (f *inflater) close() {
	f.mu.Lock()
	f.closed = true
	f.cond.Broadcast()
	f.mu.Unlock()
}
