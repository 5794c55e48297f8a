//go:build linux

package vm

import (
	"os"
	"syscall"
	"time"
)

// fileStat is what #file_info{} takes from stat(2) beyond os.FileInfo.
type fileStat struct {
	mode, nlink, uid, gid uint32
	dev, rdev, ino        uint64
	atime, ctime          time.Time
}

func statOf(fi os.FileInfo) fileStat {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStat{mode: uint32(fi.Mode().Perm()), atime: fi.ModTime(), ctime: fi.ModTime()}
	}
	return fileStat{mode: st.Mode, nlink: uint32(st.Nlink), uid: st.Uid, gid: st.Gid,
		dev: st.Dev, rdev: st.Rdev, ino: st.Ino,
		atime: time.Unix(st.Atim.Unix()), ctime: time.Unix(st.Ctim.Unix())}
}

// accessOf is the access field of a named file: what access(2) grants the
// VM's user.
func accessOf(path string) string {
	r := syscall.Access(path, 4) == nil // R_OK
	w := syscall.Access(path, 2) == nil // W_OK
	return accessName(r, w)
}

// accessOfMode is the access field of an open file, from its mode bits.
func accessOfMode(mode, uid, gid uint32) string {
	euid := uint32(os.Geteuid())
	if euid == 0 {
		return accessName(true, true)
	}
	bits := mode & 0o7
	switch {
	case uid == euid:
		bits = mode >> 6 & 0o7
	case gid == uint32(os.Getegid()):
		bits = mode >> 3 & 0o7
	}
	return accessName(bits&4 != 0, bits&2 != 0)
}
