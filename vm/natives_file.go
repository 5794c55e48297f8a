package vm

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/term"
)

// OTP's file module: the functions that work on file names are Go natives
// of module file, below; the I/O device functions (open, read, write,
// position…) are Erlang code in vm/stdlib/file.erl over the avm_file
// natives of natives_file_io.go. As in OTP, failures are {error, Reason}
// with POSIX reasons (enoent, eacces, eexist…), a bad file name or bad
// data is {error, badarg}, and names are strings (deep lists of characters
// and atoms, encoded as UTF-8), atoms or binaries (raw bytes). AtomVM has
// no file system API of this kind: the registry (vm/api) lists these
// functions as absent on every AtomVM target.

func init() {
	register("file",
		Native{Function: "read_file", Arity: 1, Fn: fileReadFile, Doc: "read_file(Name): {ok, Binary} of the whole file, or {error, Reason}"},
		Native{Function: "write_file", Arity: 2, Fn: fileWriteFile, Doc: "write_file(Name, Bytes): replace the file's contents with iodata; ok or {error, Reason}"},
		Native{Function: "write_file", Arity: 3, Fn: fileWriteFile, Doc: "write_file(Name, Bytes, Modes): write_file/2 with open modes (append, exclusive, sync…)"},
		Native{Function: "read_link_info", Arity: 1, Fn: fileReadFileInfo(true), Doc: "read_link_info(Name): read_file_info/1 of a symbolic link itself"},
		Native{Function: "read_link_info", Arity: 2, Fn: fileReadFileInfo(true), Doc: "read_link_info(Name, Opts): read_link_info/1 with {time, local | universal | posix}"},
		Native{Function: "read_link", Arity: 1, Fn: fileReadLink(false), Doc: "read_link(Name): {ok, Target} of a symbolic link, as a string"},
		Native{Function: "read_link_all", Arity: 1, Fn: fileReadLink(true), Doc: "read_link_all(Name): read_link/1, a binary when the target is not UTF-8"},
		Native{Function: "write_file_info", Arity: 2, Fn: fileWriteFileInfo, Doc: "write_file_info(Name, #file_info{}): set mode, owner, group and times where defined"},
		Native{Function: "write_file_info", Arity: 3, Fn: fileWriteFileInfo, Doc: "write_file_info(Name, Info, Opts): write_file_info/2 with {time, local | universal | posix}"},
		Native{Function: "change_mode", Arity: 2, Fn: fileChangeMode, Doc: "change_mode(Name, Mode): set the permission bits; ok or {error, Reason}"},
		Native{Function: "change_owner", Arity: 2, Fn: fileChangeOwner, Doc: "change_owner(Name, Uid): set the file's owner"},
		Native{Function: "change_owner", Arity: 3, Fn: fileChangeOwner, Doc: "change_owner(Name, Uid, Gid): set the file's owner and group"},
		Native{Function: "change_group", Arity: 2, Fn: fileChangeGroup, Doc: "change_group(Name, Gid): set the file's group"},
		Native{Function: "change_time", Arity: 2, Fn: fileChangeTime, Doc: "change_time(Name, Mtime): set the modification time (local datetime); the access time becomes now"},
		Native{Function: "change_time", Arity: 3, Fn: fileChangeTime, Doc: "change_time(Name, Atime, Mtime): set the access and modification times (local datetimes)"},
		Native{Function: "list_dir", Arity: 1, Fn: fileListDir(false), Doc: "list_dir(Dir): {ok, Names} of a directory's entries (no . or ..), as strings"},
		Native{Function: "list_dir_all", Arity: 1, Fn: fileListDir(true), Doc: "list_dir_all(Dir): list_dir/1 with names that are not UTF-8 as binaries"},
		Native{Function: "make_dir", Arity: 1, Fn: fileMakeDir, Doc: "make_dir(Dir): create a directory (not its parents); ok or {error, Reason}"},
		Native{Function: "del_dir", Arity: 1, Fn: fileDelDir, Doc: "del_dir(Dir): remove an empty directory; ok or {error, Reason}"},
		Native{Function: "del_dir_r", Arity: 1, Fn: fileDelDirR, Doc: "del_dir_r(Name): remove a file or a directory with everything in it"},
		Native{Function: "delete", Arity: 1, Fn: fileDelete, Doc: "delete(Name): remove a file (not a directory); ok or {error, Reason}"},
		Native{Function: "delete", Arity: 2, Fn: fileDelete, Doc: "delete(Name, Opts): delete/1; the option raw changes nothing here"},
		Native{Function: "rename", Arity: 2, Fn: fileRename, Doc: "rename(Source, Destination): move a file or directory; ok or {error, Reason}"},
		Native{Function: "make_link", Arity: 2, Fn: fileMakeLink(false), Doc: "make_link(Existing, New): a hard link; ok or {error, Reason}"},
		Native{Function: "make_symlink", Arity: 2, Fn: fileMakeLink(true), Doc: "make_symlink(Existing, New): a symbolic link; ok or {error, Reason}"},
		Native{Function: "get_cwd", Arity: 0, Fn: fileGetCwd, Doc: "get_cwd(): {ok, Dir} of the current working directory"},
		Native{Function: "get_cwd", Arity: 1, Fn: fileGetCwdDrive, Doc: "get_cwd(Drive): {error, einval} on Unix, which has no drives (as OTP answers)"},
		Native{Function: "set_cwd", Arity: 1, Fn: fileSetCwd, Doc: "set_cwd(Dir): change the VM's current working directory"},
		Native{Function: "native_name_encoding", Arity: 0, Fn: fileNativeNameEncoding, Doc: "native_name_encoding(): utf8, how file names in lists are encoded"},
	)
	// file:read_file_info/1,2 are file.erl's: an I/O server device is
	// asked for its file's information.
	register("avm_file",
		Native{Function: "read_file_info", Arity: 2, Fn: fileReadFileInfo(false), Doc: "read_file_info(NameOrRawFile, Opts): {ok, #file_info{}} following symbolic links, with {time, local | universal | posix}"},
	)
}

var (
	atomFileInfo  = term.Atom("file_info")
	atomEnoent    = term.Atom("enoent")
	atomEnotsup   = term.Atom("enotsup")
	atomTime      = term.Atom("time")
	atomLocal     = term.Atom("local")
	atomUniversal = term.Atom("universal")
	atomPosix     = term.Atom("posix")
	atomUndefined = term.Atom("undefined")
	atomNoTransl  = term.Atom("no_translation")
)

// fileName decodes a file name: a binary is its bytes; an atom, its name;
// a list, a deep list of characters and atoms, encoded as UTF-8. OTP
// refuses names with NUL in them.
func fileName(h *term.Heap, t term.Term) (string, bool) {
	var b []byte
	if h.IsBinary(t) {
		b, _ = h.BinaryBytes(t)
	} else {
		var ok bool
		if b, ok = appendNameChars(nil, h, t); !ok {
			return "", false
		}
	}
	for _, c := range b {
		if c == 0 {
			return "", false
		}
	}
	return string(b), true
}

func appendNameChars(b []byte, h *term.Heap, t term.Term) ([]byte, bool) {
	if t.IsAtom() {
		return append(b, term.AtomName(t)...), true
	}
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		switch {
		case hd.IsSmall() && isChar(hd.Small()):
			b = utf8.AppendRune(b, rune(hd.Small()))
		case hd.IsList() || hd.IsAtom():
			var ok bool
			if b, ok = appendNameChars(b, h, hd); !ok {
				return nil, false
			}
		default:
			return nil, false
		}
		t = tl
	}
	return b, t == term.Nil
}

// nameTerm is a name read from the system: a string, or with raw a binary
// when it is not valid UTF-8 (else nil).
func nameTerm(h *term.Heap, s string, raw bool) term.Term {
	if utf8.ValidString(s) {
		return charList(h, s)
	}
	if raw {
		return h.MakeBinary([]byte(s))
	}
	return term.NoValue
}

// fileErrnoNames are the POSIX names OTP's file module reports.
var fileErrnoNames = map[syscall.Errno]string{
	syscall.EACCES: "eacces", syscall.EAGAIN: "eagain", syscall.EBADF: "ebadf",
	syscall.EBUSY: "ebusy", syscall.EDQUOT: "edquot", syscall.EEXIST: "eexist",
	syscall.EFAULT: "efault", syscall.EFBIG: "efbig", syscall.EINTR: "eintr",
	syscall.EINVAL: "einval", syscall.EIO: "eio", syscall.EISDIR: "eisdir",
	syscall.ELOOP: "eloop", syscall.EMFILE: "emfile", syscall.EMLINK: "emlink",
	syscall.ENAMETOOLONG: "enametoolong", syscall.ENFILE: "enfile", syscall.ENODEV: "enodev",
	syscall.ENOENT: "enoent", syscall.ENOMEM: "enomem", syscall.ENOSPC: "enospc",
	syscall.ENOSYS: "enosys", syscall.ENOTBLK: "enotblk", syscall.ENOTDIR: "enotdir",
	syscall.ENOTEMPTY: "enotempty", syscall.ENOTSUP: "enotsup", syscall.ENXIO: "enxio",
	syscall.EPERM: "eperm", syscall.EPIPE: "epipe", syscall.EROFS: "erofs",
	syscall.ESPIPE: "espipe", syscall.ESRCH: "esrch", syscall.ESTALE: "estale",
	syscall.ETXTBSY: "etxtbsy", syscall.EXDEV: "exdev", syscall.EOVERFLOW: "eoverflow",
}

// fileReason is the reason OTP gives for a failed file operation.
func fileReason(err error) term.Term {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if name, ok := fileErrnoNames[errno]; ok {
			return term.Atom(name)
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return atomEnoent
	case errors.Is(err, fs.ErrExist):
		return term.Atom("eexist")
	case errors.Is(err, fs.ErrPermission):
		return term.Atom("eacces")
	}
	return term.Atom("eio")
}

// fileResult is ok, or {error, Reason} for err.
func fileResult(h *term.Heap, err error) term.Term {
	if err != nil {
		return errorTuple(h, fileReason(err))
	}
	return term.AtomOk
}

func badargTuple(h *term.Heap) term.Term { return errorTuple(h, term.AtomBadarg) }

func fileReadFile(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return errorTuple(h, fileReason(err))
	}
	return h.Tuple(term.AtomOk, h.MakeBinary(data))
}

// fileWriteFile is write_file/2,3: the modes are those of open/2 (read,
// binary, raw and the buffering options change nothing here).
func fileWriteFile(p *Process, args []term.Term) term.Term {
	h := p.heap
	if len(args) == 3 && !args[2].IsList() {
		return p.Error(term.AtomFunctionClause)
	}
	name, ok := fileName(h, args[0])
	data, dok := iodataBytes(h, args[1])
	if !ok || !dok {
		return badargTuple(h)
	}
	o := openMode{write: true}
	if len(args) == 3 {
		if reason := o.parse(h, args[2]); reason != term.NoValue {
			return errorTuple(h, reason)
		}
	}
	f, err := os.OpenFile(name, o.flags(), 0o666)
	if err != nil {
		return errorTuple(h, fileReason(err))
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return fileResult(h, err)
}

// timeOption reads the options of read_file_info/2 and its kin: the last
// {time, T} wins; other options (raw) change nothing.
func timeOption(h *term.Heap, t term.Term) (term.Term, bool) {
	opts, ok := h.ListToSlice(t)
	if !ok {
		return term.NoValue, false
	}
	kind := atomLocal
	for _, o := range opts {
		if !h.IsTuple(o) || h.TupleSize(o) != 2 || h.TupleElems(o)[0] != atomTime {
			continue
		}
		switch v := h.TupleElems(o)[1]; v {
		case atomLocal, atomUniversal, atomPosix:
			kind = v
		default:
			return term.NoValue, false
		}
	}
	return kind, true
}

// fileReadFileInfo is avm_file:read_file_info/2 (following links, of a
// name or a raw file) and read_link_info/1,2 (not).
func fileReadFileInfo(link bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		h := p.heap
		kind := atomLocal
		if len(args) == 2 {
			var ok bool
			if kind, ok = timeOption(h, args[1]); !ok {
				if !args[1].IsList() {
					return p.Error(term.AtomFunctionClause)
				}
				return badargTuple(h)
			}
		}
		var fi os.FileInfo
		var err error
		var path string
		if f, isFd := p.rawFileArg(args[0]); isFd {
			switch {
			case f == nil:
				return errorTuple(h, atomEinval)
			case f.owner != p.id:
				return p.Error(atomNotCtrl)
			}
			fi, err = f.stat()
		} else {
			name, ok := fileName(h, args[0])
			if !ok {
				return badargTuple(h)
			}
			path = name
			if link {
				fi, err = os.Lstat(name)
			} else {
				fi, err = os.Stat(name)
			}
		}
		if err != nil {
			return errorTuple(h, fileReason(err))
		}
		return h.Tuple(term.AtomOk, fileInfoTerm(h, fi, path, kind))
	}
}

// fileInfoTerm is the #file_info{} record of OTP's file.hrl: size, type,
// access, atime, mtime, ctime, mode, links, major_device, minor_device,
// inode, uid, gid.
func fileInfoTerm(h *term.Heap, fi os.FileInfo, path string, kind term.Term) term.Term {
	st := statOf(fi)
	var typ string
	switch m := fi.Mode(); {
	case m.IsRegular():
		typ = "regular"
	case m.IsDir():
		typ = "directory"
	case m&fs.ModeSymlink != 0:
		typ = "symlink"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		typ = "device"
	default:
		typ = "other"
	}
	var access string
	if path != "" {
		access = accessOf(path)
	} else {
		access = accessOfMode(st.mode, st.uid, st.gid)
	}
	return h.Tuple(atomFileInfo, h.Integer(fi.Size()), term.Atom(typ), term.Atom(access),
		timeTerm(h, st.atime, kind), timeTerm(h, fi.ModTime(), kind), timeTerm(h, st.ctime, kind),
		h.Integer(int64(st.mode)), h.Integer(int64(st.nlink)), h.Uint(st.dev), h.Uint(st.rdev),
		h.Uint(st.ino), h.Integer(int64(st.uid)), h.Integer(int64(st.gid)))
}

// timeTerm is a file time as the time option asks: a local or universal
// {{Y, Mo, D}, {H, Mi, S}}, or POSIX seconds.
func timeTerm(h *term.Heap, t time.Time, kind term.Term) term.Term {
	switch kind {
	case atomPosix:
		return h.Integer(t.Unix())
	case atomUniversal:
		t = t.UTC()
	default:
		t = t.Local()
	}
	return h.Tuple(
		h.Tuple(term.MakeSmall(int64(t.Year())), term.MakeSmall(int64(t.Month())), term.MakeSmall(int64(t.Day()))),
		h.Tuple(term.MakeSmall(int64(t.Hour())), term.MakeSmall(int64(t.Minute())), term.MakeSmall(int64(t.Second()))))
}

// timeArg reads a time as timeTerm writes it; ok is false for anything
// else.
func timeArg(h *term.Heap, t term.Term, kind term.Term) (time.Time, bool) {
	if kind == atomPosix {
		s, ok := h.Int64(t)
		return time.Unix(s, 0), ok
	}
	if !h.IsTuple(t) || h.TupleSize(t) != 2 {
		return time.Time{}, false
	}
	dt := h.TupleElems(t)
	d, ok1 := smallInts(h, dt[0], 3)
	c, ok2 := smallInts(h, dt[1], 3)
	if !ok1 || !ok2 {
		return time.Time{}, false
	}
	loc := time.Local
	if kind == atomUniversal {
		loc = time.UTC
	}
	return time.Date(int(d[0]), time.Month(d[1]), int(d[2]), int(c[0]), int(c[1]), int(c[2]), 0, loc), true
}

// smallInts reads a tuple of n small integers.
func smallInts(h *term.Heap, t term.Term, n int) ([]int64, bool) {
	if !h.IsTuple(t) || h.TupleSize(t) != n {
		return nil, false
	}
	out := make([]int64, n)
	for i, e := range h.TupleElems(t) {
		if !e.IsSmall() {
			return nil, false
		}
		out[i] = e.Small()
	}
	return out, true
}

func fileReadLink(all bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		h := p.heap
		name, ok := fileName(h, args[0])
		if !ok {
			return badargTuple(h)
		}
		target, err := os.Readlink(name)
		if err != nil {
			return errorTuple(h, fileReason(err))
		}
		t := nameTerm(h, target, all)
		if t == term.NoValue {
			return errorTuple(h, h.Tuple(atomNoTransl, h.MakeBinary([]byte(target))))
		}
		return h.Tuple(term.AtomOk, t)
	}
}

// fileWriteFileInfo is write_file_info/2,3: the fields mode, uid, gid,
// atime and mtime that are not undefined are set; as in OTP, an undefined
// atime is now and an undefined mtime is the atime, when either is set.
func fileWriteFileInfo(p *Process, args []term.Term) term.Term {
	h := p.heap
	info := args[1]
	if !h.IsTuple(info) || h.TupleSize(info) != 14 || h.TupleElems(info)[0] != atomFileInfo ||
		len(args) == 3 && !args[2].IsList() {
		return p.Error(term.AtomFunctionClause)
	}
	kind := atomLocal
	if len(args) == 3 {
		var ok bool
		if kind, ok = timeOption(h, args[2]); !ok {
			return badargTuple(h)
		}
	}
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	f := h.TupleElems(info)
	atimeT, mtimeT, mode, uid, gid := f[4], f[5], f[7], f[11], f[12]
	if mode != atomUndefined {
		m, ok := h.Int64(mode)
		if !ok {
			return badargTuple(h)
		}
		if err := os.Chmod(name, unixMode(m)); err != nil {
			return errorTuple(h, fileReason(err))
		}
	}
	if uid != atomUndefined || gid != atomUndefined {
		u, g := int64(-1), int64(-1)
		if uid != atomUndefined {
			if u, ok = h.Int64(uid); !ok {
				return badargTuple(h)
			}
		}
		if gid != atomUndefined {
			if g, ok = h.Int64(gid); !ok {
				return badargTuple(h)
			}
		}
		if err := os.Chown(name, int(u), int(g)); err != nil {
			return errorTuple(h, fileReason(err))
		}
	}
	if atimeT == atomUndefined && mtimeT == atomUndefined {
		return term.AtomOk
	}
	at, ok1 := time.Now(), true
	if atimeT != atomUndefined {
		at, ok1 = timeArg(h, atimeT, kind)
	}
	mt, ok2 := at, true
	if mtimeT != atomUndefined {
		mt, ok2 = timeArg(h, mtimeT, kind)
	}
	if !ok1 || !ok2 {
		return badargTuple(h)
	}
	return fileResult(h, os.Chtimes(name, at, mt))
}

// unixMode turns POSIX mode bits (with setuid, setgid and sticky) into a
// Go file mode.
func unixMode(m int64) fs.FileMode {
	mode := fs.FileMode(m & 0o777)
	if m&0o4000 != 0 {
		mode |= fs.ModeSetuid
	}
	if m&0o2000 != 0 {
		mode |= fs.ModeSetgid
	}
	if m&0o1000 != 0 {
		mode |= fs.ModeSticky
	}
	return mode
}

func fileChangeMode(p *Process, args []term.Term) term.Term {
	h := p.heap
	m, mok := h.Int64(args[1])
	if !mok {
		return p.Error(term.AtomFunctionClause)
	}
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	return fileResult(h, os.Chmod(name, unixMode(m)))
}

func fileChangeOwner(p *Process, args []term.Term) term.Term {
	h := p.heap
	uid, uok := h.Int64(args[1])
	gid, gok := int64(-1), true
	if len(args) == 3 {
		gid, gok = h.Int64(args[2])
	}
	if !uok || !gok {
		return p.Error(term.AtomFunctionClause)
	}
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	return fileResult(h, os.Chown(name, int(uid), int(gid)))
}

func fileChangeGroup(p *Process, args []term.Term) term.Term {
	h := p.heap
	gid, gok := h.Int64(args[1])
	if !gok {
		return p.Error(term.AtomFunctionClause)
	}
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	return fileResult(h, os.Chown(name, -1, int(gid)))
}

func fileChangeTime(p *Process, args []term.Term) term.Term {
	h := p.heap
	// change_time(Name, Mtime) leaves the access time to be now.
	at, aok := time.Now(), true
	mt, mok := timeArg(h, args[1], atomLocal)
	if len(args) == 3 {
		at, aok = mt, mok
		mt, mok = timeArg(h, args[2], atomLocal)
	}
	if !aok || !mok {
		return p.Error(term.AtomFunctionClause)
	}
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	return fileResult(h, os.Chtimes(name, at, mt))
}

// fileListDir is list_dir/1 and list_dir_all/1, in the order the system
// gives (as OTP: unsorted). list_dir/1 fails with {no_translation, Name}
// on a name that is not UTF-8.
func fileListDir(all bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		h := p.heap
		name, ok := fileName(h, args[0])
		if !ok {
			return badargTuple(h)
		}
		d, err := os.Open(name)
		if err != nil {
			return errorTuple(h, fileReason(err))
		}
		names, err := d.Readdirnames(-1)
		d.Close()
		if err != nil {
			return errorTuple(h, fileReason(err))
		}
		elems := make([]term.Term, len(names))
		for i, n := range names {
			t := nameTerm(h, n, all)
			if t == term.NoValue {
				return errorTuple(h, h.Tuple(atomNoTransl, h.MakeBinary([]byte(n))))
			}
			elems[i] = t
		}
		return h.Tuple(term.AtomOk, h.List(elems...))
	}
}

func fileMakeDir(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	return fileResult(h, os.Mkdir(name, 0o777))
}

func fileDelDir(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	return fileResult(h, rmdir(name))
}

// rmdir removes a directory; a directory that is not empty is eexist, as
// OTP reports it.
func rmdir(name string) error {
	err := syscall.Rmdir(name)
	if err == syscall.ENOTEMPTY {
		return syscall.EEXIST
	}
	return err
}

// unlink removes a file; a directory is eperm, as OTP reports it.
func unlink(name string) error {
	err := syscall.Unlink(name)
	if err == syscall.EISDIR {
		return syscall.EPERM
	}
	return err
}

// fileDelDirR is del_dir_r/1, as OTP's: a directory's entries are removed
// as far as they can be (their failures are not reported), then the
// directory, whose failure (enotempty when some entry stayed) is.
func fileDelDirR(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	return fileResult(h, delTree(name))
}

func delTree(name string) error {
	fi, err := os.Lstat(name)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return unlink(name)
	}
	if d, err := os.Open(name); err == nil {
		names, _ := d.Readdirnames(-1)
		d.Close()
		for _, n := range names {
			delTree(filepath.Join(name, n))
		}
	}
	return rmdir(name)
}

func fileDelete(p *Process, args []term.Term) term.Term {
	h := p.heap
	if len(args) == 2 && !args[1].IsList() {
		return p.Error(term.AtomFunctionClause)
	}
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	return fileResult(h, unlink(name))
}

func fileRename(p *Process, args []term.Term) term.Term {
	h := p.heap
	from, ok1 := fileName(h, args[0])
	to, ok2 := fileName(h, args[1])
	if !ok1 || !ok2 {
		return badargTuple(h)
	}
	return fileResult(h, os.Rename(from, to))
}

func fileMakeLink(symbolic bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		h := p.heap
		existing, ok1 := fileName(h, args[0])
		name, ok2 := fileName(h, args[1])
		if !ok1 || !ok2 {
			return badargTuple(h)
		}
		if symbolic {
			return fileResult(h, os.Symlink(existing, name))
		}
		return fileResult(h, os.Link(existing, name))
	}
}

func fileGetCwd(p *Process, _ []term.Term) term.Term {
	h := p.heap
	dir, err := os.Getwd()
	if err != nil {
		return errorTuple(h, fileReason(err))
	}
	t := nameTerm(h, dir, true)
	return h.Tuple(term.AtomOk, t)
}

// fileGetCwdDrive is get_cwd/1: Unix has no drives; OTP answers einval.
func fileGetCwdDrive(p *Process, _ []term.Term) term.Term {
	return errorTuple(p.heap, atomEinval)
}

func fileSetCwd(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	return fileResult(h, os.Chdir(name))
}

func fileNativeNameEncoding(_ *Process, _ []term.Term) term.Term { return atomUTF8 }

// accessName is the access field of #file_info{}.
func accessName(read, write bool) string {
	switch {
	case read && write:
		return "read_write"
	case read:
		return "read"
	case write:
		return "write"
	}
	return "none"
}
