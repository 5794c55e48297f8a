package vm

import (
	"bytes"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/term"
)

// Open files. avm_file:open/2 opens a file for the calling process, which
// owns it: only the owner may use it (as OTP's raw files), and the file
// closes when the owner exits (fileTable.closeOwnedBy, from Process.exit)
// or the machine stops. file.erl hands a raw file to the caller as OTP's
// record #file_descriptor{module = prim_file, data = #{handle => Handle}},
// and serves any other file from an I/O server process that owns the
// handle and answers the I/O protocol with the get_*/put_chars natives
// below.

func init() {
	register("avm_file",
		Native{Function: "open", Arity: 2, Fn: avmFileOpen, Doc: "open(Name, Modes): {ok, Handle} of a file the caller owns, or {error, Reason}"},
		Native{Function: "close", Arity: 1, Fn: avmFileClose, Doc: "close(Handle): write what is buffered and close; ok or {error, Reason}"},
		Native{Function: "read", Arity: 2, Fn: avmFileRead, Doc: "read(Handle, N): {ok, Data} of up to N bytes, eof or {error, Reason}"},
		Native{Function: "read_line", Arity: 1, Fn: avmFileReadLine, Doc: "read_line(Handle): {ok, Line} up to a newline (\\r\\n read as \\n), eof or {error, Reason}"},
		Native{Function: "write", Arity: 2, Fn: avmFileWrite, Doc: "write(Handle, IoData): ok or {error, Reason}"},
		Native{Function: "pread", Arity: 3, Fn: avmFilePread, Doc: "pread(Handle, Position, N): {ok, Data} read at Position without moving, eof or {error, Reason}"},
		Native{Function: "pwrite", Arity: 3, Fn: avmFilePwrite, Doc: "pwrite(Handle, Position, IoData): write at Position without moving; ok or {error, Reason}"},
		Native{Function: "position", Arity: 2, Fn: avmFilePosition, Doc: "position(Handle, Location): {ok, NewPosition} or {error, Reason}"},
		Native{Function: "truncate", Arity: 1, Fn: avmFileTruncate, Doc: "truncate(Handle): cut the file at the current position; ok or {error, Reason}"},
		Native{Function: "sync", Arity: 1, Fn: avmFileSync, Doc: "sync(Handle): write what is buffered and flush it to storage"},
		Native{Function: "advise", Arity: 4, Fn: avmFileAdvise, Doc: "advise(Handle, Offset, Length, Advice): check the advice; ok (it is only a hint)"},
		Native{Function: "get_chars", Arity: 3, Fn: avmFileGetChars, Doc: "get_chars(Handle, Encoding, N): N characters for an I/O request in Encoding, eof or {error, Reason}"},
		Native{Function: "get_line", Arity: 2, Fn: avmFileGetLine, Doc: "get_line(Handle, Encoding): a line for an I/O request in Encoding, eof or {error, Reason}"},
		Native{Function: "put_chars", Arity: 3, Fn: avmFilePutChars, Doc: "put_chars(Handle, Encoding, Chars): write characters of an I/O request in Encoding"},
		Native{Function: "getopts", Arity: 1, Fn: avmFileGetopts, Doc: "getopts(Handle): [{binary, Bool}, {encoding, E}] of an I/O server's file"},
		Native{Function: "setopts", Arity: 2, Fn: avmFileSetopts, Doc: "setopts(Handle, Opts): set binary, list or {encoding, E}; ok or {error, enotsup}"},
	)
}

var (
	atomEbadf     = term.Atom("ebadf")
	atomEisdir    = term.Atom("eisdir")
	atomNotCtrl   = term.Atom("not_on_controlling_process")
	atomFileDesc  = term.Atom("file_descriptor")
	atomPrimFile  = term.Atom("prim_file")
	atomHandle    = term.Atom("handle")
	atomBof       = term.Atom("bof")
	atomCur       = term.Atom("cur")
	atomReadAhead = term.Atom("read_ahead")
	atomDelayed   = term.Atom("delayed_write")
)

// openMode is what open/2's mode list asks for.
type openMode struct {
	read, write, append, exclusive, sync bool
	binary, utf8                         bool
	ahead, delay                         int // read-ahead and delayed-write sizes; 0: none
}

// Buffer sizes of read_ahead and delayed_write without sizes, as OTP's.
const (
	defaultReadAhead = 64 << 10
	defaultDelay     = 64 << 10
	readChunk        = 8 << 10 // what a read without read_ahead asks the system for
)

// parse reads a mode list; it returns the error reason or term.NoValue.
// Unknown modes are ignored, as OTP does.
func (o *openMode) parse(h *term.Heap, t term.Term) term.Term {
	modes, ok := h.ListToSlice(t)
	if !ok {
		return term.AtomBadarg
	}
	for _, m := range modes {
		switch {
		case m.IsAtom():
			switch term.AtomName(m) {
			case "read":
				o.read = true
			case "write":
				o.write = true
			case "append":
				o.append = true
			case "exclusive":
				o.exclusive = true
			case "sync":
				o.sync = true
			case "binary":
				o.binary = true
			case "list":
				o.binary = false
			case "read_ahead":
				o.ahead = defaultReadAhead
			case "delayed_write":
				o.delay = defaultDelay
			case "compressed", "compressed_one", "ram":
				return atomEnotsup
			}
		case h.IsTuple(m) && h.TupleSize(m) >= 2:
			e := h.TupleElems(m)
			switch {
			case e[0] == atomReadAhead && len(e) == 2:
				n, ok := h.Int64(e[1])
				if !ok || n < 0 {
					return term.AtomBadarg
				}
				o.ahead = int(min(n, 1<<26))
			case e[0] == atomDelayed && len(e) == 3:
				n, ok := h.Int64(e[1])
				_, dok := h.Int64(e[2])
				if !ok || !dok || n < 0 {
					return term.AtomBadarg
				}
				o.delay = int(min(n, 1<<26))
			case e[0] == atomIOEncoding && len(e) == 2:
				switch e[1] {
				case atomLatin1:
					o.utf8 = false
				case atomUnicode, atomUTF8:
					o.utf8 = true
				default:
					return term.AtomBadarg
				}
			}
		}
	}
	return term.NoValue
}

// flags are the open(2) flags of the modes: write creates the file and,
// without read or append, truncates it; append implies write.
func (o *openMode) flags() int {
	w := o.write || o.append || o.exclusive
	var f int
	switch {
	case w && o.read:
		f = os.O_RDWR
	case w:
		f = os.O_WRONLY
	default:
		f = os.O_RDONLY
	}
	if w {
		f |= os.O_CREATE
		if !o.read && !o.append {
			f |= os.O_TRUNC
		}
	}
	if o.append {
		f |= os.O_APPEND
	}
	if o.exclusive {
		f |= os.O_CREATE | os.O_EXCL
	}
	if o.sync {
		f |= os.O_SYNC
	}
	return f
}

// fileTable is a machine's open files, by handle id.
type fileTable struct {
	used  atomic.Bool // a file was ever opened: exits must look here
	mu    sync.Mutex
	files map[uint64]*openFile
}

func (t *fileTable) add(id uint64, f *openFile) {
	t.used.Store(true)
	t.mu.Lock()
	if t.files == nil {
		t.files = map[uint64]*openFile{}
	}
	t.files[id] = f
	t.mu.Unlock()
}

func (t *fileTable) get(id uint64) *openFile {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.files[id]
}

func (t *fileTable) remove(id uint64) {
	t.mu.Lock()
	delete(t.files, id)
	t.mu.Unlock()
}

// closeOwnedBy closes the files of process pid, which exited.
func (t *fileTable) closeOwnedBy(pid uint64) {
	t.closeWhere(func(f *openFile) bool { return f.owner == pid })
}

// closeAll closes every file, when the machine stops.
func (t *fileTable) closeAll() {
	t.closeWhere(func(*openFile) bool { return true })
}

func (t *fileTable) closeWhere(match func(*openFile) bool) {
	if !t.used.Load() {
		return
	}
	t.mu.Lock()
	var closing []*openFile
	for id, f := range t.files {
		if match(f) {
			closing = append(closing, f)
			delete(t.files, id)
		}
	}
	t.mu.Unlock()
	for _, f := range closing {
		f.close()
	}
}

// openFile is one open file. Reads go through rbuf, the bytes read ahead
// and not yet returned (the system's offset is past them), a window on
// the buffer back; with delayed_write, writes gather in wbuf. Any other
// operation first gives back rbuf and writes wbuf.
type openFile struct {
	mu    sync.Mutex
	f     *os.File
	owner uint64
	mode  openMode
	rbuf  []byte
	back  []byte
	eof   bool // the last fill reached the end of the file
	wbuf  []byte
}

// settle writes the delayed data and gives back the read-ahead data, so
// that the system's offset is the file's position.
func (f *openFile) settle() error {
	if len(f.rbuf) > 0 {
		if _, err := f.f.Seek(-int64(len(f.rbuf)), io.SeekCurrent); err != nil {
			return err
		}
		f.rbuf = f.back[:0]
	}
	f.eof = false
	return f.flush()
}

func (f *openFile) flush() error {
	if len(f.wbuf) == 0 {
		return nil
	}
	_, err := f.f.Write(f.wbuf)
	f.wbuf = f.wbuf[:0]
	return err
}

// fill reads more into rbuf; it reports whether there was more.
func (f *openFile) fill() (bool, error) {
	if f.eof {
		return false, nil
	}
	if err := f.flush(); err != nil {
		return false, err
	}
	// What is unread moves to the front of back, which has room for n
	// more bytes.
	n := max(f.mode.ahead, readChunk)
	if cap(f.back) < len(f.rbuf)+n {
		f.back = make([]byte, 0, max(len(f.rbuf)+n, 2*cap(f.back)))
	}
	start := copy(f.back[:len(f.rbuf)], f.rbuf)
	k, err := f.f.Read(f.back[start : start+n])
	f.rbuf = f.back[:start+k]
	switch {
	case err == io.EOF || err == nil && k == 0:
		f.eof = true
		return false, nil
	case err != nil:
		return false, err
	}
	return true, nil
}

// take removes and returns the first n bytes of rbuf.
func (f *openFile) take(n int) []byte {
	out := bytes.Clone(f.rbuf[:n])
	f.rbuf = f.rbuf[n:]
	return out
}

// readBytes reads up to n bytes; nil at the end of the file.
func (f *openFile) readBytes(n int) ([]byte, error) {
	if !f.mode.read {
		return nil, syscall.EBADF
	}
	for len(f.rbuf) < n {
		more, err := f.fill()
		if err != nil {
			return nil, err
		}
		if !more {
			break
		}
	}
	if len(f.rbuf) == 0 && n > 0 {
		return nil, nil
	}
	return f.take(min(n, len(f.rbuf))), nil
}

// readRunes reads up to n UTF-8 characters (a byte that starts no valid
// sequence counts as one); nil at the end of the file.
func (f *openFile) readRunes(n int) ([]byte, error) {
	if !f.mode.read {
		return nil, syscall.EBADF
	}
	i, count := 0, 0
	for count < n {
		if i < len(f.rbuf) && (utf8.FullRune(f.rbuf[i:]) || f.eof) {
			_, size := utf8.DecodeRune(f.rbuf[i:])
			i += size
			count++
			continue
		}
		more, err := f.fill()
		if err != nil {
			return nil, err
		}
		if !more && i >= len(f.rbuf) {
			break
		}
	}
	if i == 0 && n > 0 {
		return nil, nil
	}
	return f.take(i), nil
}

// readLine reads a line with its newline ("\r\n" is read as "\n"); nil at
// the end of the file.
func (f *openFile) readLine() ([]byte, error) {
	if !f.mode.read {
		return nil, syscall.EBADF
	}
	from := 0
	for {
		if i := bytes.IndexByte(f.rbuf[from:], '\n'); i >= 0 {
			line := f.take(from + i + 1)
			if n := len(line); n >= 2 && line[n-2] == '\r' {
				line = append(line[:n-2], '\n')
			}
			return line, nil
		}
		from = len(f.rbuf)
		more, err := f.fill()
		if err != nil {
			return nil, err
		}
		if !more {
			if len(f.rbuf) == 0 {
				return nil, nil
			}
			return f.take(len(f.rbuf)), nil
		}
	}
}

func (f *openFile) write(data []byte) error {
	if len(f.rbuf) > 0 || f.eof {
		if err := f.settle(); err != nil {
			return err
		}
	}
	if f.mode.delay > 0 {
		f.wbuf = append(f.wbuf, data...)
		if len(f.wbuf) >= f.mode.delay {
			return f.flush()
		}
		return nil
	}
	_, err := f.f.Write(data)
	return err
}

func (f *openFile) close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	err := f.flush()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// stat is fstat(2) of the file, after its delayed writes.
func (f *openFile) stat() (os.FileInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.flush(); err != nil {
		return nil, err
	}
	return f.f.Stat()
}

func avmFileOpen(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	var o openMode
	if reason := o.parse(h, args[1]); reason != term.NoValue {
		return errorTuple(h, reason)
	}
	fd, err := os.OpenFile(name, o.flags(), 0o666)
	if err != nil {
		return errorTuple(h, fileReason(err))
	}
	if fi, err := fd.Stat(); err == nil && fi.IsDir() {
		fd.Close()
		return errorTuple(h, atomEisdir)
	}
	if !o.read && !o.write && !o.append && !o.exclusive {
		o.read = true
	}
	id := p.m.nextRef.Add(1)
	p.m.files.add(id, &openFile{f: fd, owner: p.id, mode: o})
	return h.Tuple(term.AtomOk, h.Ref(id))
}

// handleOp runs op on the file of a handle argument, for its owner only
// (another process gets error:not_on_controlling_process); it answers
// {error, einval} for a closed or unknown handle, as OTP does.
func (p *Process) handleOp(t term.Term, op func(f *openFile) term.Term) term.Term {
	h := p.heap
	if !h.IsRef(t) {
		return badargTuple(h)
	}
	f := p.m.files.get(h.RefID(t))
	switch {
	case f == nil:
		return errorTuple(h, atomEinval)
	case f.owner != p.id:
		return p.Error(atomNotCtrl)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return op(f)
}

// rawFileArg recognises a raw file record; f is nil when its handle is not
// open.
func (p *Process) rawFileArg(t term.Term) (f *openFile, isFd bool) {
	h := p.heap
	if !h.IsTuple(t) || h.TupleSize(t) != 3 {
		return nil, false
	}
	e := h.TupleElems(t)
	if e[0] != atomFileDesc || e[1] != atomPrimFile || !h.IsMap(e[2]) {
		return nil, false
	}
	ref, ok := h.MapGet(e[2], atomHandle)
	if !ok || !h.IsRef(ref) {
		return nil, true
	}
	return p.m.files.get(h.RefID(ref)), true
}

func avmFileClose(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !h.IsRef(args[0]) {
		return badargTuple(h)
	}
	id := h.RefID(args[0])
	f := p.m.files.get(id)
	switch {
	case f == nil:
		return errorTuple(h, atomEinval)
	case f.owner != p.id:
		return p.Error(atomNotCtrl)
	}
	p.m.files.remove(id)
	return fileResult(h, f.close())
}

// dataTerm is data read from a file in its mode: a binary, or a list of
// bytes.
func (f *openFile) dataTerm(h *term.Heap, b []byte) term.Term {
	if f.mode.binary {
		return h.MakeBinary(b)
	}
	return byteList(h, b, term.Nil)
}

// readResult is {ok, Data}, eof or {error, Reason}.
func (f *openFile) readResult(h *term.Heap, b []byte, err error) term.Term {
	switch {
	case err != nil:
		return errorTuple(h, fileReason(err))
	case b == nil:
		return atomEOF
	}
	return h.Tuple(term.AtomOk, f.dataTerm(h, b))
}

// countArg reads a byte or character count.
func countArg(h *term.Heap, t term.Term) (int, bool) {
	n, ok := h.Int64(t)
	if !ok || n < 0 {
		return 0, false
	}
	return int(min(n, maxRead)), true
}

func avmFileRead(p *Process, args []term.Term) term.Term {
	h := p.heap
	n, ok := countArg(h, args[1])
	if !ok {
		return badargTuple(h)
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		b, err := f.readBytes(n)
		if n == 0 && err == nil {
			b = []byte{}
		}
		return f.readResult(h, b, err)
	})
}

func avmFileReadLine(p *Process, args []term.Term) term.Term {
	h := p.heap
	return p.handleOp(args[0], func(f *openFile) term.Term {
		b, err := f.readLine()
		return f.readResult(h, b, err)
	})
}

func avmFileWrite(p *Process, args []term.Term) term.Term {
	h := p.heap
	data, ok := iodataBytes(h, args[1])
	if !ok {
		return badargTuple(h)
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		return fileResult(h, f.write(data))
	})
}

func avmFilePread(p *Process, args []term.Term) term.Term {
	h := p.heap
	pos, pok := h.Int64(args[1])
	n, nok := countArg(h, args[2])
	if !pok || !nok {
		return badargTuple(h)
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		if pos < 0 {
			return errorTuple(h, atomEinval)
		}
		if err := f.flush(); err != nil {
			return errorTuple(h, fileReason(err))
		}
		buf := make([]byte, n)
		k, err := f.f.ReadAt(buf, pos)
		if err == io.EOF {
			err = nil
		}
		if err == nil && k == 0 && n > 0 {
			return atomEOF
		}
		if err == nil && f.mode.utf8 {
			return f.charsResult(h, buf[:k], false, true)
		}
		return f.readResult(h, buf[:k], err)
	})
}

func avmFilePwrite(p *Process, args []term.Term) term.Term {
	h := p.heap
	pos, pok := h.Int64(args[1])
	data, dok := iodataBytes(h, args[2])
	if !pok || !dok {
		return badargTuple(h)
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		if pos < 0 {
			return errorTuple(h, atomEinval)
		}
		if err := f.flush(); err != nil {
			return errorTuple(h, fileReason(err))
		}
		if f.mode.append {
			// Go refuses WriteAt on an O_APPEND file; pwrite(2) there
			// appends on Linux.
			_, err := f.f.Write(data)
			return fileResult(h, err)
		}
		_, err := f.f.WriteAt(data, pos)
		return fileResult(h, err)
	})
}

// avmFilePosition is position/2: an offset, or bof, cur or eof with an
// optional offset from it.
func avmFilePosition(p *Process, args []term.Term) term.Term {
	h := p.heap
	loc := args[1]
	whence, off := io.SeekStart, int64(0)
	switch {
	case loc == atomBof:
	case loc == atomCur:
		whence = io.SeekCurrent
	case loc == atomEOF:
		whence = io.SeekEnd
	case h.IsTuple(loc) && h.TupleSize(loc) == 2:
		e := h.TupleElems(loc)
		n, ok := h.Int64(e[1])
		switch {
		case !ok:
			return badargTuple(h)
		case e[0] == atomBof:
		case e[0] == atomCur:
			whence = io.SeekCurrent
		case e[0] == atomEOF:
			whence = io.SeekEnd
		default:
			return badargTuple(h)
		}
		off = n
	default:
		n, ok := h.Int64(loc)
		if !ok {
			return badargTuple(h)
		}
		off = n
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		if err := f.settle(); err != nil {
			return errorTuple(h, fileReason(err))
		}
		pos, err := f.f.Seek(off, whence)
		if err != nil {
			return errorTuple(h, fileReason(err))
		}
		return h.Tuple(term.AtomOk, h.Integer(pos))
	})
}

func avmFileTruncate(p *Process, args []term.Term) term.Term {
	h := p.heap
	return p.handleOp(args[0], func(f *openFile) term.Term {
		if err := f.settle(); err != nil {
			return errorTuple(h, fileReason(err))
		}
		pos, err := f.f.Seek(0, io.SeekCurrent)
		if err == nil {
			err = f.f.Truncate(pos)
		}
		return fileResult(h, err)
	})
}

func avmFileSync(p *Process, args []term.Term) term.Term {
	h := p.heap
	return p.handleOp(args[0], func(f *openFile) term.Term {
		err := f.flush()
		if err == nil {
			err = f.f.Sync()
		}
		return fileResult(h, err)
	})
}

var fileAdvice = map[string]bool{"normal": true, "sequential": true, "random": true,
	"no_reuse": true, "will_need": true, "dont_need": true}

func avmFileAdvise(p *Process, args []term.Term) term.Term {
	h := p.heap
	off, ok1 := h.Int64(args[1])
	n, ok2 := h.Int64(args[2])
	if !ok1 || !ok2 {
		return badargTuple(h)
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		if off < 0 || n < 0 || !args[3].IsAtom() || !fileAdvice[term.AtomName(args[3])] {
			return errorTuple(h, atomEinval)
		}
		return term.AtomOk
	})
}

// encodingArg reads the encoding of an I/O request: true for unicode.
func encodingArg(t term.Term) (unicode, ok bool) {
	switch t {
	case atomLatin1:
		return false, true
	case atomUnicode, atomUTF8:
		return true, true
	}
	return false, false
}

// charsResult is what an I/O request gets for bytes read from the file:
// the characters they encode (UTF-8 in a file opened with {encoding,
// utf8}, else Latin-1), as a binary in the request's encoding or a list,
// per the file's mode; with ok, wrapped as {ok, Data}. A character a
// latin1 request cannot carry is {error, {no_translation, unicode,
// latin1}}.
func (f *openFile) charsResult(h *term.Heap, b []byte, unicodeReq, bare bool) term.Term {
	var rs []rune
	if f.mode.utf8 {
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				r = rune(b[i])
			}
			rs = append(rs, r)
			i += max(size, 1)
		}
	} else {
		rs = make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
	}
	if !unicodeReq {
		for _, r := range rs {
			if r > 255 {
				return errorTuple(h, h.Tuple(atomNoTransl, atomUnicode, atomLatin1))
			}
		}
	}
	var data term.Term
	switch {
	case !f.mode.binary:
		elems := make([]term.Term, len(rs))
		for i, r := range rs {
			elems[i] = term.MakeSmall(int64(r))
		}
		data = h.List(elems...)
	case unicodeReq:
		data = h.MakeBinary([]byte(string(rs)))
	default:
		out := make([]byte, len(rs))
		for i, r := range rs {
			out[i] = byte(r)
		}
		data = h.MakeBinary(out)
	}
	if bare {
		return data
	}
	return h.Tuple(term.AtomOk, data)
}

func avmFileGetChars(p *Process, args []term.Term) term.Term {
	h := p.heap
	unicodeReq, eok := encodingArg(args[1])
	n, nok := countArg(h, args[2])
	if !eok || !nok {
		return errorTuple(h, atomArguments)
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		var b []byte
		var err error
		if f.mode.utf8 {
			b, err = f.readRunes(n)
		} else {
			b, err = f.readBytes(n)
		}
		switch {
		case err != nil:
			return errorTuple(h, fileReason(err))
		case b == nil:
			return atomEOF
		}
		return f.charsResult(h, b, unicodeReq, true)
	})
}

func avmFileGetLine(p *Process, args []term.Term) term.Term {
	h := p.heap
	unicodeReq, ok := encodingArg(args[1])
	if !ok {
		return errorTuple(h, atomArguments)
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		b, err := f.readLine()
		switch {
		case err != nil:
			return errorTuple(h, fileReason(err))
		case b == nil:
			return atomEOF
		}
		return f.charsResult(h, b, unicodeReq, true)
	})
}

// avmFilePutChars writes the characters of a put_chars request: Latin-1
// bytes (iodata) or Unicode chardata, encoded as the file's encoding asks.
func avmFilePutChars(p *Process, args []term.Term) term.Term {
	h := p.heap
	unicodeReq, ok := encodingArg(args[1])
	if !ok {
		return errorTuple(h, atomArguments)
	}
	var rs []rune
	if unicodeReq {
		if !unicodeChardata(h, args[2], &rs) {
			return errorTuple(h, atomArguments)
		}
	} else {
		b, ok := iodataBytes(h, args[2])
		if !ok {
			return errorTuple(h, atomArguments)
		}
		rs = make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		var out []byte
		if f.mode.utf8 {
			out = []byte(string(rs))
		} else {
			out = make([]byte, len(rs))
			for i, r := range rs {
				if r > 255 {
					return errorTuple(h, h.Tuple(atomNoTransl, atomUnicode, atomLatin1))
				}
				out[i] = byte(r)
			}
		}
		return fileResult(h, f.write(out))
	})
}

// unicodeChardata appends the characters of Unicode chardata: a deep list
// of code points and UTF-8 binaries.
func unicodeChardata(h *term.Heap, t term.Term, rs *[]rune) bool {
	if h.IsBinary(t) {
		b, _ := h.BinaryBytes(t)
		if !utf8.Valid(b) {
			return false
		}
		*rs = append(*rs, []rune(string(b))...)
		return true
	}
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		switch {
		case hd.IsSmall() && isChar(hd.Small()):
			*rs = append(*rs, rune(hd.Small()))
		case hd.IsList() || h.IsBinary(hd):
			if !unicodeChardata(h, hd, rs) {
				return false
			}
		default:
			return false
		}
		t = tl
	}
	return t == term.Nil
}

func avmFileGetopts(p *Process, args []term.Term) term.Term {
	h := p.heap
	return p.handleOp(args[0], func(f *openFile) term.Term {
		enc := atomLatin1
		if f.mode.utf8 {
			enc = atomUnicode
		}
		return h.List(h.Tuple(atomBinary, term.Bool(f.mode.binary)), h.Tuple(atomIOEncoding, enc))
	})
}

func avmFileSetopts(p *Process, args []term.Term) term.Term {
	h := p.heap
	opts, ok := h.ListToSlice(args[1])
	if !ok {
		return errorTuple(h, atomEnotsup)
	}
	return p.handleOp(args[0], func(f *openFile) term.Term {
		m := f.mode
		for _, o := range opts {
			switch {
			case o == atomBinary:
				m.binary = true
			case o == term.Atom("list"):
				m.binary = false
			case h.IsTuple(o) && h.TupleSize(o) == 2:
				kv := h.TupleElems(o)
				switch {
				case kv[0] == atomBinary && kv[1].IsBoolean():
					m.binary = kv[1] == term.True
				case kv[0] == atomIOEncoding && kv[1] == atomLatin1:
					m.utf8 = false
				case kv[0] == atomIOEncoding && (kv[1] == atomUnicode || kv[1] == atomUTF8):
					m.utf8 = true
				default:
					return errorTuple(h, atomEnotsup)
				}
			default:
				return errorTuple(h, atomEnotsup)
			}
		}
		f.mode = m
		return term.AtomOk
	})
}
